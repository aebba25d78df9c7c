package io.etareport.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the mail tests of this JVM, on a free port. Tests clear it before each test
 * ({@link #clear()}) and pass {@link #settings()} to the service.
 */
final class TestMailServer {

    static final GreenMail SMTP = start();

    private TestMailServer() {
    }

    private static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    static int port() {
        return SMTP.getSmtp().getPort();
    }

    static void clear() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    static List<MimeMessage> received() {
        return List.of(SMTP.getReceivedMessages());
    }

    /** The plain-text part of a received mail. */
    static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return textOf(multipart);
        }
        return GreenMailUtil.getBody(message);
    }

    private static String textOf(jakarta.mail.Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String text = textOf(nested);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
