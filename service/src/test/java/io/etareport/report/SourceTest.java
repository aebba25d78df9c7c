package io.etareport.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static org.assertj.core.api.Assertions.assertThat;

class SourceTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    @ParameterizedTest
    @ValueSource(strings = {"cache-503", "cache-timeout", "cache-connection", "cache-error", "cache-blackout",
            "cache-slow", "cache-breaker", "cache-cooldown"})
    void everyCacheLabelMeansAStoredCopy(String kind) {
        assertThat(new Source(DD, kind, AT).fromCache()).isTrue();
    }

    @Test
    void liveDataIsNotFromTheCache() {
        assertThat(Source.live(DD, AT).kind()).isEqualTo("live");
        assertThat(Source.live(DD, AT).fromCache()).isFalse();
    }

    @Test
    void aReportIsFromTheCacheWhenAnyInstanceIs() {
        Report live = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(Source.live(DD, AT), Source.live(CBR, AT)), AT);
        Report mixed = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(Source.live(DD, AT), new Source(CBR, "cache-timeout", AT)), AT);

        assertThat(live.fromCache()).isFalse();
        assertThat(mixed.fromCache()).isTrue();
    }
}
