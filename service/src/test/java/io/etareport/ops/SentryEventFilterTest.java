package io.etareport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import org.junit.jupiter.api.Test;

class SentryEventFilterTest {

    private final SentryEventFilter filter = new SentryEventFilter(new RecentEvents(
            Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(60), 200));

    @Test
    void anEventIsScrubbedBeforeItIsSent() {
        SentryEvent event = messageEvent("No staff ada@staff.test");
        event.setRequest(new io.sentry.protocol.Request());
        event.getRequest().setData("email=ada%40staff.test");

        SentryEvent sent = filter.execute(event, new Hint());

        assertThat(sent.getMessage().getFormatted()).isEqualTo("No staff [filtered]");
        assertThat(sent.getRequest().getData()).isNull();
    }

    @Test
    void aRepeatOfTheSameTypeAndMessageIsDroppedWhateverItsStackTrace() {
        assertThat(filter.execute(event(new IllegalStateException("Upstream 503")), new Hint())).isNotNull();
        assertThat(filter.execute(event(new IllegalStateException("Upstream 503")), new Hint())).isNull();
        assertThat(filter.execute(event(new IllegalArgumentException("Upstream 503")), new Hint())).isNotNull();
        assertThat(filter.execute(event(new IllegalStateException("Upstream 500")), new Hint())).isNotNull();
    }

    @Test
    void messagesThatDifferOnlyByAnEmailCountAsTheSame() {
        assertThat(filter.execute(event(new IllegalStateException("Refused a@b.io")), new Hint())).isNotNull();
        assertThat(filter.execute(event(new IllegalStateException("Refused c@d.io")), new Hint())).isNull();
    }

    @Test
    void eventsWithoutAnExceptionAreKeyedByTheirMessage() {
        assertThat(filter.execute(messageEvent("Cache warm-up failed"), new Hint())).isNotNull();
        assertThat(filter.execute(messageEvent("Cache warm-up failed"), new Hint())).isNull();
        assertThat(filter.execute(messageEvent("Cache warm-up slow"), new Hint())).isNotNull();
    }

    private static SentryEvent event(Throwable error) {
        return new SentryEvent(error);
    }

    private static SentryEvent messageEvent(String text) {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setFormatted(text);
        event.setMessage(message);
        return event;
    }
}
