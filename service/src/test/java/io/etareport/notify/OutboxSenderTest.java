package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class OutboxSenderTest {

    @Test
    void anSmtp5xxRefusalIsPermanent() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("a@example.com"), "RCPT TO", 550,
                "550 no such user");

        assertThat(OutboxSender.permanent(new MailSendException("failed", new MessagingException("send", refused))))
                .isTrue();
        assertThat(OutboxSender.permanent(new MailSendException(Map.of(new Object(), refused)))).isTrue();
    }

    @Test
    void anSmtp4xxReplyOrAnUnreachableServerIsTemporary() {
        var later = new SMTPSendFailedException("DATA", 451, "451 try later", null, null, null, null);

        assertThat(OutboxSender.permanent(new MailSendException("failed", later))).isFalse();
        assertThat(OutboxSender.permanent(new MailSendException("failed",
                new MessagingException("connect", new java.net.ConnectException("refused"))))).isFalse();
    }

    @Test
    void pausesBetweenTriesDoubleUpToSixHours() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxSender.backoff(30)).isEqualTo(Duration.ofHours(6));
    }
}
