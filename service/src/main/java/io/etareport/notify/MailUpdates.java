package io.etareport.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether customers may sign up for update mails: only when the service can send mail ({@code spring.mail.host}
 * set). Every page's model says so as {@code mailUpdates}, so the customer page shows the control and the
 * promise in its help text only where it holds.
 */
@ControllerAdvice
class MailUpdates {

    private final ObjectProvider<JavaMailSender> mail;

    MailUpdates(ObjectProvider<JavaMailSender> mail) {
        this.mail = mail;
    }

    @ModelAttribute("mailUpdates")
    boolean available() {
        return mail.getIfAvailable() != null;
    }
}
