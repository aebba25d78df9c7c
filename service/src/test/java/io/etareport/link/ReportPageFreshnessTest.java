package io.etareport.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.etareport.buz.Instance;
import io.etareport.cache.Source;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import org.junit.jupiter.api.Test;

/**
 * Issue 20, items 1 and 7: one freshness line, "Updated 6 minutes ago, 7:21 PM Sydney time": the age and the time in
 * the business zone of the oldest data on the page, so with a saved copy shown the header is the copy's time and
 * never contradicts the notice below it.
 */
class ReportPageFreshnessTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** 7 Dec 2026, 7:21 PM in Sydney (daylight time, +11). */
    private static final Instant BUILT = Instant.parse("2026-12-07T08:21:00Z");

    private static ReportPage page(Instant now, ZoneId zone, InstanceSource... sources) {
        Report report = new Report("Acme", List.of(), FilterChoices.none(), List.of(sources), BUILT);
        ReportPage.Settings settings = new ReportPage.Settings(LocalDate.of(2026, 12, 7), 0, 30, List.of(), now,
                instance -> instance == Instance.DD ? "Dandenong factory" : "Canberra factory");
        return ReportPage.of("0123456789abcdef0123456789abcdef", null, report, ReportFilter.none(), zone, settings);
    }

    @Test
    void aLiveReportSaysItsAgeNowAndItsTimeInTheBusinessZone() {
        ReportPage page = page(BUILT.plus(Duration.ofMinutes(6)), SYDNEY,
                InstanceSource.live(Instance.DD, BUILT), InstanceSource.live(Instance.CBR, BUILT));

        assertThat(page.freshness()).isEqualTo("Updated 6 minutes ago, 7:21 PM Sydney time");
        assertThat(page.notices()).isEmpty();
    }

    @Test
    void aReportSeenAtOnceIsUpdatedJustNow() {
        assertThat(page(BUILT.plusSeconds(20), SYDNEY, InstanceSource.live(Instance.DD, BUILT)).freshness())
                .isEqualTo("Updated just now, 7:21 PM Sydney time");
    }

    @Test
    void theTimeIsTheBusinessZonesWhereverTheReaderIs() {
        assertThat(page(BUILT.plus(Duration.ofMinutes(6)), ZoneId.of("Australia/Perth"),
                InstanceSource.live(Instance.DD, BUILT)).freshness())
                .isEqualTo("Updated 6 minutes ago, 4:21 PM Perth time");
    }

    @Test
    void withASavedCopyShownTheLineIsTheCopysAgeAndTimeAsTheNoticeSays() {
        Instant saved = BUILT.minus(Duration.ofMinutes(14)); // 7:07 PM
        ReportPage page = page(BUILT.plus(Duration.ofMinutes(1)), SYDNEY,
                new InstanceSource(Instance.DD, Source.CACHE_503, saved), InstanceSource.live(Instance.CBR, BUILT));

        assertThat(page.freshness()).isEqualTo("Updated 15 minutes ago, 7:07 PM Sydney time");
        assertThat(page.notices()).singleElement().asString()
                .startsWith("Orders from Dandenong factory come from a saved copy")
                .contains("7:07 PM Sydney time");
    }

    @Test
    void aCopyFromAnotherDaySaysWhichDay() {
        Instant yesterday = BUILT.minus(Duration.ofHours(20)); // 6 Dec, 11:21 PM
        ReportPage page = page(BUILT, SYDNEY, new InstanceSource(Instance.CBR, Source.CACHE_BLACKOUT, yesterday));

        assertThat(page.freshness()).isEqualTo("Updated 20 hours ago, 6 Dec, 11:21 PM Sydney time");
    }

    @Test
    void aKeptReportReadLaterIsAsOldAsItIsThen() {
        ReportPage later = page(BUILT.plus(Duration.ofHours(3)), SYDNEY, InstanceSource.live(Instance.DD, BUILT));

        assertThat(later.freshness()).isEqualTo("Updated 3 hours ago, 7:21 PM Sydney time");
    }

    @Test
    void theLoadingPagesCopyOfferNamesTheTimeTheCopysPageWillShow() {
        Instant saved = BUILT.minus(Duration.ofMinutes(14));
        Report copy = new Report("Acme", List.of(), FilterChoices.none(),
                List.of(new InstanceSource(Instance.DD, Source.CACHE_503, saved)), BUILT);

        assertThat(JobJson.copyOffer(ReportPage.clockTime(ReportPage.oldest(copy), SYDNEY, BUILT.plusSeconds(60))))
                .isEqualTo("Show the copy from 7:07 PM now");
        assertThat(ReportPage.clockTime(BUILT, SYDNEY, BUILT.plus(Duration.ofDays(1))))
                .as("a copy from yesterday").isEqualTo("7 Dec, 7:21 PM");
    }
}
