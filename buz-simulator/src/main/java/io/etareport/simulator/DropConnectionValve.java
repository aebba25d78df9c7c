package io.etareport.simulator;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection without a single byte of response when the servlet asked for it (a dropped
 * connection or the end of a hang). A servlet cannot do this itself: the container would still send a status
 * line. {@code CLOSE_NOW} swallows the response and closes the socket, so the client sees an end of stream.
 */
final class DropConnectionValve extends ValveBase {

    DropConnectionValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(BuzServlet.DROP_ATTRIBUTE) != null && !response.isCommitted()) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
