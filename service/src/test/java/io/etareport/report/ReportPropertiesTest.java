package io.etareport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReportPropertiesTest {

    private static ReportProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("eta.report", Bindable.of(ReportProperties.class));
    }

    @Test
    void withoutSettingsTheRulesAreTheOriginalServices() {
        assertThat(bind(Map.of()).rules()).isEqualTo(ReportRules.defaults());
        assertThat(ReportRules.defaults().finishedStatuses()).containsExactly("Cancelled", "Invoiced",
                "Invoice ex GST fees - actioned in Xero", "Invoice ex GST fees - not in Xero");
    }

    @Test
    void operatorsCanReplaceTheFinishedStatuses() {
        ReportProperties properties = bind(Map.of(
                "eta.report.drop-finished-orders", "false",
                "eta.report.finished-statuses[0]", "Dispatched"));

        assertThat(properties.rules()).isEqualTo(new ReportRules(false, List.of("Dispatched")));
    }
}
