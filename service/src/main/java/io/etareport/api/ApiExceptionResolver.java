package io.etareport.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure under {@code /api/} answers the original's JSON error body, never an HTML page:
 * unknown paths, wrong methods, unreadable bodies and unexpected errors (without their text)
 * included. Ordered first, so the staff and customer pages' error handling never sees these.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final JsonMapper json;

    ApiExceptionResolver(JsonMapper json) {
        this.json = json;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!isApi(request)) {
            return null;
        }
        ApiError error = errorFor(e);
        if (error.status().is5xxServerError() && !(e instanceof ApiFailure)) {
            log.error("API call to {} failed", routeOf(request), e);
        }
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        try {
            response.reset();
            write(response, error, json);
            if (e instanceof HttpRequestMethodNotSupportedException unsupported
                    && unsupported.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", unsupported.getSupportedHttpMethods().stream()
                        .map(Object::toString).toList()));
            }
        } catch (IOException io) {
            log.debug("API error could not be written: {}", io.toString());
        }
        return new ModelAndView();
    }

    static void write(HttpServletResponse response, ApiError error, JsonMapper json) throws IOException {
        error.toJson().write(response, json);
    }

    private static ApiError errorFor(Exception e) {
        if (e instanceof ApiFailure failure) {
            return failure.error();
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return new ApiError("Not found", ApiError.NOT_FOUND);
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return new ApiError("Method not allowed", ApiError.METHOD_NOT_ALLOWED);
        }
        if (e instanceof HttpMediaTypeNotSupportedException || e instanceof HttpMessageNotReadableException) {
            return new ApiError("Request body must be JSON", ApiError.BAD_REQUEST);
        }
        if (e instanceof MissingServletRequestParameterException || e instanceof MethodArgumentTypeMismatchException) {
            return new ApiError("Invalid request", ApiError.BAD_REQUEST);
        }
        return new ApiError("Internal server error", ApiError.SERVER_ERROR);
    }

    /** The route's template, never the ids in the path. */
    static String routeOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(
                org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "(no route)" : pattern.toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
