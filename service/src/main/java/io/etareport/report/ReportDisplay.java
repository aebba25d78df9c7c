package io.etareport.report;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/** How the report page shows dates: the customers' today, the expected window, how long a date move stays news. */
@Component
public class ReportDisplay {

    private final ReportProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    ReportDisplay(ReportProperties properties, Clock clock, ZoneId zone) {
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** Today in the business's time zone ({@code eta.time-zone}), for Overdue and "this week". */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Business days either side of an expected date shown as its window ({@code eta.report.expected-window}). */
    public int expectedWindow() {
        return properties.expectedWindow();
    }

    /** How long a move of an expected date stays marked ({@code eta.report.show-moves-for}). */
    public Duration showMovesFor() {
        return properties.showMovesFor();
    }
}
