package io.etareport.ops;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every JSON error the service answers ({@code /api/v1}, {@code /eta/start}, {@code /jobs/<id>},
 * the order look-ups): RFC 9457 problem details, sent as {@code application/problem+json}, that also carry the
 * original service's members, {@code error} (its message, unchanged) and {@code code}, so the original's readers
 * keep working. Documented in docs/api.md ("Errors").
 *
 * @param type   always {@code about:blank}: the status says what kind of problem it is
 * @param title  the status's reason phrase
 * @param status the HTTP status code
 * @param detail the plain-language message, the same as {@code error}
 * @param error  the original's member: the message
 * @param code   the original's member: a stable upper-case code ({@code NOT_FOUND}, {@code RATE_LIMITED}, ...)
 */
public record JsonError(String type, String title, int status, String detail, String error, String code) {

    public static JsonError of(HttpStatus status, String error, String code) {
        return new JsonError("about:blank", status.getReasonPhrase(), status.value(), error, error, code);
    }

    /** As a controller's answer: the status, the problem media type, never cached. */
    public ResponseEntity<JsonError> response() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Cache-Control", "no-store").body(this);
    }

    /** Written straight to the response, where no controller answers (filters, exception resolvers). */
    public void write(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.writeValueAsBytes(this));
    }
}
