package io.etareport.notify;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.etareport.customers.CustomerContact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox over SMTP: each due mail is claimed, sent, then marked. A refusal the server calls
 * temporary, or a server that cannot be reached, is tried again later with growing pauses; a permanent refusal
 * (5xx) {@code eta.notify.permanent-limit} times stops the address, which staff then see.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotifyProperties properties;
    private final CustomerContact contact;
    private final String mailUsername;

    OutboxSender(Outbox outbox, Subscriptions subscriptions, ObjectProvider<JavaMailSender> mail,
                 NotifyProperties properties, CustomerContact contact,
                 @Value("${spring.mail.username:}") String mailUsername) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.properties = properties;
        this.contact = contact;
        this.mailUsername = mailUsername;
    }

    /** How a delivery run went. */
    record Delivered(int sent, int retrying, int failed) {
    }

    /** Sends every due mail; does nothing without mail settings. */
    Delivered deliverDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Delivered(0, 0, 0);
        }
        int lost = outbox.giveUpLostClaims();
        if (lost > 0) {
            log.warn("{} mails were being sent by a node that stopped; they are not sent again", lost);
        }
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (long id : outbox.due(BATCH)) {
            Optional<Outbox.Message> claimed = outbox.claim(id);
            if (claimed.isEmpty()) {
                continue;
            }
            switch (send(sender, claimed.get())) {
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
            }
        }
        if (sent + retrying + failed > 0) {
            log.info("Mail delivery: {} sent, {} to try again, {} given up", sent, retrying, failed);
        }
        return new Delivered(sent, retrying, failed);
    }

    private enum Outcome { SENT, RETRYING, FAILED }

    /** Sends one claimed mail and marks it: the step between is where a crash leaves it claimed. */
    Outcome send(JavaMailSender sender, Outbox.Message message) {
        try {
            sender.send(mime(sender, message));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            return failedOnce(message, e);
        }
        outbox.sent(message.id());
        return Outcome.SENT;
    }

    private Outcome failedOnce(Outbox.Message message, Exception e) {
        boolean permanent = permanent(e);
        String error = (permanent ? "permanent: " : "temporary: ") + e.getClass().getSimpleName();
        if (permanent && message.attempts() >= properties.permanentLimit()) {
            outbox.failed(message.id(), error);
            if (message.subscriberId() != null) {
                subscriptions.stop(message.subscriberId());
            }
            return Outcome.FAILED;
        }
        if (message.attempts() >= properties.maxAttempts()) {
            outbox.failed(message.id(), error);
            return Outcome.FAILED;
        }
        outbox.retryLater(message.id(), backoff(message.attempts()), error);
        return Outcome.RETRYING;
    }

    /** 1, 2, 4, ... minutes, at most six hours. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 9);
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    /** Whether the server refused for good (an SMTP 5xx reply), as opposed to a pause or an unreachable server. */
    static boolean permanent(Throwable e) {
        if (e instanceof MailSendException send) {
            for (Exception each : send.getFailedMessages().values()) {
                if (permanent(each)) {
                    return true;
                }
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            int code = smtpReplyCode(cause);
            if (code >= 500 && code < 600) {
                return true;
            }
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != cause.getCause() && permanent(messaging.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code an exception of Jakarta Mail's SMTP provider carries ({@code getReturnCode()} of Angus
     * Mail's SMTPSendFailedException and SMTPAddressFailedException, a runtime-only library), or 0.
     */
    private static int smtpReplyCode(Throwable e) {
        if (!(e instanceof MessagingException)) {
            return 0;
        }
        try {
            return e.getClass().getMethod("getReturnCode").invoke(e) instanceof Integer code ? code : 0;
        } catch (ReflectiveOperationException | RuntimeException notSmtp) {
            return 0;
        }
    }

    private MimeMessage mime(JavaMailSender sender, Outbox.Message message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from(), contact.companyName());
        if (!contact.email().isEmpty()) {
            helper.setReplyTo(contact.email(), contact.companyName());
        }
        helper.setTo(message.email());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (message.unsubscribeUrl() != null) {
            // RFC 8058: mail programs offer "Unsubscribe" and POST to the link, with no page in between.
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    private String from() {
        if (!properties.from().isBlank()) {
            return properties.from().trim();
        }
        if (mailUsername.contains("@")) {
            return mailUsername;
        }
        return contact.email().isEmpty() ? "no-reply@localhost" : contact.email();
    }
}
