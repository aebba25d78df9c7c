package io.etareport.link;

import io.etareport.cache.UpstreamUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** A report built inside a request (sync view, download) that found the supplier down and nothing saved. */
@ControllerAdvice(annotations = ReportInRequest.class)
class SupplierUnavailableAdvice {

    @ExceptionHandler(UpstreamUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView unavailable(UpstreamUnavailableException e) {
        ModelAndView page = new ModelAndView("report/unavailable");
        page.addObject("message", e.getMessage());
        return page;
    }

    /** A shared report job waited for inside the request failed: its message, as the loading page shows it. */
    @ExceptionHandler(ReportFailedException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView failed(ReportFailedException e) {
        ModelAndView page = new ModelAndView("report/unavailable");
        page.addObject("message", e.getMessage());
        return page;
    }
}
