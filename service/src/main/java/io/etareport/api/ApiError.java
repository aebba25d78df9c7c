package io.etareport.api;

import io.etareport.ops.JsonError;

import org.springframework.http.HttpStatus;

/**
 * Why an API call was refused or failed, as the original named it: {@code {"error": "message", "code": "CODE"}}.
 * It goes out as {@link JsonError}, problem details carrying these two members. Messages are plain language and
 * never carry exception text.
 */
public record ApiError(String error, String code) {

    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** The customer's link is paused: no report, no job, no call to the supplier until it is resumed. */
    public static final String LINK_PAUSED = "LINK_PAUSED";
    public static final String SERVER_ERROR = "SERVER_ERROR";

    public static ApiError missingKey() {
        return new ApiError("Missing X-API-Key header", UNAUTHORIZED);
    }

    public static ApiError invalidKey() {
        return new ApiError("Invalid API key", FORBIDDEN);
    }

    public static ApiError rateLimited() {
        return new ApiError("Too many requests for this API key; wait and try again", RATE_LIMITED);
    }

    public static ApiError tooManyWrongKeys() {
        return new ApiError("Too many wrong API keys from this address; wait and try again", RATE_LIMITED);
    }

    /** The answer's body: problem details with the original's {@code error} and {@code code}. */
    public JsonError toJson() {
        return JsonError.of(status(), error, code);
    }

    /** The status code that goes with a code. */
    public HttpStatus status() {
        return switch (code) {
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case VALIDATION_ERROR -> HttpStatus.UNPROCESSABLE_CONTENT;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case LINK_PAUSED -> HttpStatus.CONFLICT;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
