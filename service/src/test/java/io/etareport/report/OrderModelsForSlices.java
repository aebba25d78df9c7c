package io.etareport.report;

import io.etareport.statuses.StageProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real order model for another package's web slice: {@link OrderModels} and {@link ReportDisplay} over the
 * bound {@code eta.report} and {@code eta.statuses} settings. The slice provides a {@code Clock}, the business
 * {@code ZoneId} and the status mappings.
 */
@TestConfiguration
@EnableConfigurationProperties({ReportProperties.class, StageProperties.class})
@Import({OrderModels.class, ReportDisplay.class})
public class OrderModelsForSlices {
}
