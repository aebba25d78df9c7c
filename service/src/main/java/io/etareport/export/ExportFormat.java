package io.etareport.export;

import io.etareport.buz.ColumnPolicy;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats a report downloads in. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Without the dot. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format for {@code csv} or {@code xlsx}, ignoring case and a leading dot; empty for anything else. */
    public static Optional<ExportFormat> fromExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String ext = extension.strip().toLowerCase(Locale.ROOT);
        String bare = ext.startsWith(".") ? ext.substring(1) : ext;
        for (ExportFormat format : values()) {
            if (format.extension.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Writes these (already filtered) orders to {@code out} with the columns of {@code policy}; {@code out} stays open. */
    public void write(List<Order> orders, OutputStream out, ColumnPolicy policy) throws IOException {
        write(orders, out, policy, null);
    }

    /** As {@link #write(List, OutputStream, ColumnPolicy)}, with the stage, state and lateness {@code model} gives. */
    public void write(List<Order> orders, OutputStream out, ColumnPolicy policy, OrderModel model)
            throws IOException {
        switch (this) {
            case CSV -> new CsvExport().write(orders, out, policy, model);
            case XLSX -> new XlsxExport().write(orders, out, policy, model);
        }
    }
}
