package io.etareport.report;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.etareport.cache.Source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.json.JsonMapper;

class SourceTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"CACHE_503", "CACHE_TIMEOUT", "CACHE_CONNECTION", "CACHE_ERROR",
            "CACHE_BLACKOUT", "CACHE_SLOW", "CACHE_BREAKER", "CACHE_FRESH", "CACHE_COOLDOWN"})
    void everyCacheLabelMeansAStoredCopy(Source kind) {
        assertThat(new InstanceSource(DD, kind, AT).fromCache()).isTrue();
    }

    @Test
    void liveDataAndMissingDataAreNotFromTheCache() {
        assertThat(InstanceSource.live(DD, AT).kind()).isEqualTo(Source.LIVE);
        assertThat(InstanceSource.live(DD, AT).fromCache()).isFalse();
        assertThat(new InstanceSource(DD, Source.UNAVAILABLE, null).fromCache()).isFalse();
        assertThat(new InstanceSource(DD, Source.UNAVAILABLE, null).unavailable()).isTrue();
    }

    @Test
    void theLabelsLogsAndStoredReportsCarryStayAsTheyWere() {
        assertThat(List.of(Source.values())).extracting(Source::label).containsExactly("live", "cache-503",
                "cache-timeout", "cache-connection", "cache-error", "cache-blackout", "cache-slow", "cache-breaker",
                "cache-fresh", "cache-cooldown", "unavailable");
        assertThat(Source.CACHE_503).hasToString("cache-503");
    }

    @Test
    void aStoredReportWrittenWithLabelsReadsBack() {
        JsonMapper json = JsonMapper.builder().build();
        String stored = "{\"instance\":\"CBR\",\"kind\":\"cache-503\",\"refreshedAt\":\"2025-01-02T03:04:05Z\"}";

        InstanceSource source = json.readValue(stored, InstanceSource.class);

        assertThat(source).isEqualTo(new InstanceSource(CBR, Source.CACHE_503, AT));
        assertThat(json.writeValueAsString(source)).contains("\"kind\":\"cache-503\"");
    }

    @Test
    void aReportStoredBeforeTheCircuitBreakerStillReads() {
        JsonMapper json = JsonMapper.builder().build();
        String stored = "{\"instance\":\"DD\",\"kind\":\"cache-cooldown\",\"refreshedAt\":\"2025-01-02T03:04:05Z\"}";

        assertThat(json.readValue(stored, InstanceSource.class)).isEqualTo(new InstanceSource(DD, Source.CACHE_COOLDOWN, AT));
    }

    @Test
    void onlyACopyServedWhileLiveWasSlowIsStillRefreshing() {
        assertThat(new InstanceSource(DD, Source.CACHE_SLOW, AT).stillRefreshing()).isTrue();
        assertThat(new InstanceSource(DD, Source.CACHE_BREAKER, AT).stillRefreshing()).isFalse();
        assertThat(InstanceSource.live(DD, AT).stillRefreshing()).isFalse();
    }

    @Test
    void aReportIsFromTheCacheWhenAnyInstanceIs() {
        Report live = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(InstanceSource.live(DD, AT), InstanceSource.live(CBR, AT)), AT);
        Report mixed = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(InstanceSource.live(DD, AT), new InstanceSource(CBR, Source.CACHE_TIMEOUT, AT)), AT);

        assertThat(live.fromCache()).isFalse();
        assertThat(mixed.fromCache()).isTrue();
    }
}
