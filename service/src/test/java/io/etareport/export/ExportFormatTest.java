package io.etareport.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatTest {

    @Test
    void aFormatIsFoundByItsExtensionIgnoringCaseAndDot() {
        assertThat(ExportFormat.fromExtension("csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.fromExtension(".XLSX")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.fromExtension("xls")).isEmpty();
        assertThat(ExportFormat.fromExtension(null)).isEmpty();
    }

    @Test
    void eachFormatHasItsContentType() {
        assertThat(ExportFormat.CSV.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(ExportFormat.XLSX.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ExportFormat.XLSX.extension()).isEqualTo("xlsx");
    }
}
