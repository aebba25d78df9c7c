package io.etareport.export;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFileNameTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 5);

    @Test
    void runsOfOtherCharactersBecomeOneDash() {
        assertThat(ExportFileName.of("O'Malley & Sons Pty. Ltd.", DAY, "csv"))
                .isEqualTo("O-Malley-Sons-Pty-Ltd-open-orders-2025-01-05.csv");
    }

    @Test
    void accentsAreTakenOffAndOtherScriptsDropped() {
        assertThat(ExportFileName.of("Café Déco Ø 東京", DAY, "xlsx")).isEqualTo("Cafe-Deco-open-orders-2025-01-05.xlsx");
    }

    @Test
    void aNameWithNothingLeftIsCustomer() {
        assertThat(ExportFileName.of(" & ", DAY, "xlsx")).isEqualTo("customer-open-orders-2025-01-05.xlsx");
        assertThat(ExportFileName.of("東京", DAY, "csv")).isEqualTo("customer-open-orders-2025-01-05.csv");
        assertThat(ExportFileName.of(null, DAY, ".csv")).isEqualTo("customer-open-orders-2025-01-05.csv");
    }

    @Test
    void aVeryLongNameIsCut() {
        String name = ExportFileName.of("A".repeat(79) + " B" + "C".repeat(100), DAY, "csv");

        assertThat(name).isEqualTo("A".repeat(79) + "-open-orders-2025-01-05.csv");
    }
}
