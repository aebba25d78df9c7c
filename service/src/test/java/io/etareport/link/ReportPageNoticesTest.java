package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.cache.Source;
import io.etareport.report.FilterChoices;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;
import io.etareport.report.InstanceSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notice above a report says which factory's data is a saved copy, how old it is, when it was saved and why. */
class ReportPageNoticesTest {

    private static final Instant BUILT = Instant.parse("2026-03-03T16:00:00Z"); // 3 am in Sydney

    private static List<String> notices(InstanceSource... sources) {
        Report report = new Report("Acme", List.of(), FilterChoices.none(), List.of(sources), BUILT);
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report, ReportFilter.of(
                new org.springframework.util.LinkedMultiValueMap<>()), ZoneId.of("Australia/Sydney")).notices();
    }

    @Test
    void aSlowCopySaysItsAgeItsTimeAndThatAFreshOneIsComing() {
        assertThat(notices(new InstanceSource(Instance.DD, Source.CACHE_SLOW, BUILT.minusSeconds(3 * 3600)),
                InstanceSource.live(Instance.CBR, BUILT)))
                .containsExactly("Orders from DD come from a saved copy, last refreshed 3 hours ago (4 Mar 2026,"
                        + " 12:00 AM Sydney time): the supplier's system is slow right now, and a fresh copy is on"
                        + " its way.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cache-breaker | the supplier's system is having problems right now, and we check it again shortly.",
            "cache-blackout | the supplier's system is switched off for maintenance at this time of day.",
            "cache-timeout | the supplier's system is not responding right now.",
            "cache-503 | the supplier's system is not available right now.",
            "cache-cooldown | the supplier's system is not available right now."})
    void eachCauseHasItsOwnWords(String kind, String reason) {
        assertThat(notices(new InstanceSource(Instance.CBR, Source.ofLabel(kind), BUILT.minusSeconds(90)))).singleElement()
                .asString().startsWith("Orders from CBR come from a saved copy, last refreshed 1 minute ago")
                .endsWith(": " + reason).containsOnlyOnce(".");
    }

    @ParameterizedTest
    @CsvSource({"30, less than a minute ago", "3599, 59 minutes ago", "3600, 1 hour ago", "172799, 47 hours ago",
            "172800, 2 days ago"})
    void agesReadNaturally(long seconds, String age) {
        assertThat(ReportPage.age(BUILT.minusSeconds(seconds), BUILT)).isEqualTo(age);
    }
}
