package io.etareport.link;

import io.etareport.cache.UpstreamUnavailableException;
import io.etareport.jobs.ReportFailedException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A report built inside a request (sync view, download, calendar) that found the supplier down and nothing saved:
 * 503 with {@code Retry-After}, so downloads and polling calendar apps wait instead of counting an error.
 */
@ControllerAdvice(annotations = ReportInRequest.class)
class SupplierUnavailableAdvice {

    /** When to ask again: the supplier's outages and our stored copies are checked about this often. */
    static final String RETRY_AFTER_SECONDS = "60";

    @ExceptionHandler(UpstreamUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView unavailable(UpstreamUnavailableException e, HttpServletResponse response) {
        return page(e.getMessage(), response);
    }

    /** A shared report job waited for inside the request failed: its message, as the loading page shows it. */
    @ExceptionHandler(ReportFailedException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView failed(ReportFailedException e, HttpServletResponse response) {
        return page(e.getMessage(), response);
    }

    private static ModelAndView page(String message, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView("report/unavailable");
        page.addObject("message", message);
        return page;
    }
}
