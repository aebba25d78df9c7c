package io.etareport.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

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

    @Test
    void eachFormatWritesWithItsWriter() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();

        ExportFormat.CSV.write(ExportSamples.ORDERS, csv);
        ExportFormat.XLSX.write(ExportSamples.ORDERS, xlsx);

        assertThat(csv.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(xlsx.toByteArray()).startsWith('P', 'K');
    }
}
