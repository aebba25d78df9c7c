package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Writes these (already filtered) orders to {@code out}, every column their lines carry (the column policy chose
     * those where the rows entered the service), with the stage, state and lateness {@code model} gives; {@code out}
     * stays open.
     *
     * @param kinds what each other column holds (numbers and dates are written as such); null: all text
     */
    public void write(List<Order> orders, OutputStream out, Function<String, ColumnKind> kinds, OrderModel model)
            throws IOException {
        write(orders, out, kinds, model, Instance::name);
    }

    /**
     * As {@link #write(List, OutputStream, Function, OrderModel)}, the {@code Instance} column naming each factory as
     * {@code factoryNames} says: customers read its display name where one is set, else its code.
     */
    public void write(List<Order> orders, OutputStream out, Function<String, ColumnKind> kinds, OrderModel model,
                      Function<Instance, String> factoryNames) throws IOException {
        switch (this) {
            case CSV -> new CsvExport().write(orders, out, kinds, model, factoryNames);
            case XLSX -> new XlsxExport().write(orders, out, kinds, model, factoryNames);
        }
    }
}
