package io.etareport.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.cache.Source;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import org.junit.jupiter.api.Test;

/** The page shows times in the service's one time zone ({@code eta.time-zone}), and names it. */
class ReportPageTest {

    private static final Instant BUILT = Instant.parse("2025-01-05T01:30:00Z");
    private static final Instant COPY = Instant.parse("2025-01-04T22:00:00Z");

    private static Report report() {
        return new Report("Acme", List.of(), FilterChoices.none(),
                List.of(new InstanceSource(Instance.DD, Source.CACHE_503, COPY)), BUILT);
    }

    @Test
    void timesAreShownInTheConfiguredZone() {
        ReportPage sydney = ReportPage.of("0123456789abcdef0123456789abcdef", null, report(), ReportFilter.none(),
                ZoneId.of("Australia/Sydney"));
        ReportPage perth = ReportPage.of("0123456789abcdef0123456789abcdef", null, report(), ReportFilter.none(),
                ZoneId.of("Australia/Perth"));

        assertThat(sydney.updated()).isEqualTo("5 Jan 2025, 12:30 PM");
        assertThat(sydney.zoneName()).isEqualTo("Sydney");
        assertThat(perth.updated()).isEqualTo("5 Jan 2025, 9:30 AM");
        assertThat(perth.zoneName()).isEqualTo("Perth");
        assertThat(perth.notices()).singleElement().asString()
                .contains("last refreshed 3 hours ago (5 Jan 2025, 6:00 AM Perth time)");
    }
}
