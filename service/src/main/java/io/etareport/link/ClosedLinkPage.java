package io.etareport.link;

import io.etareport.customers.ClosedLinkException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a replaced or paused link shows, on whichever customer route it was opened: 404, no
 * customer name, nothing cached, and the same words for both, so the holder learns nothing more.
 */
@ControllerAdvice
class ClosedLinkPage {

    @ExceptionHandler(ClosedLinkException.class)
    ModelAndView closed(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        ModelAndView page = new ModelAndView("report/link-closed", HttpStatus.NOT_FOUND);
        page.addObject("message", ClosedLinkException.MESSAGE);
        return page;
    }
}
