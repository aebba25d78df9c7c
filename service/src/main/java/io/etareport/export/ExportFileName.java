package io.etareport.export;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The name a download is saved under: {@code Acme-Blinds-open-orders-2025-01-05.xlsx}. */
final class ExportFileName {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final int MAX_NAME_LENGTH = 80;

    private ExportFileName() {
    }

    /**
     * The customer's name with accents taken off letters ({@code Café} → {@code Cafe}) and every run of other
     * characters than ASCII letters and digits turned into one {@code -}, none at either end, cut to
     * {@value #MAX_NAME_LENGTH} characters ({@code customer} if nothing is left); then {@code -open-orders-}, the
     * date and the extension. The result is plain ASCII, safe in a {@code Content-Disposition} header as is.
     *
     * @param sydneyDate today in the service's time zone
     * @param extension  {@code csv} or {@code xlsx}, with or without the dot
     */
    public static String of(String customerName, LocalDate sydneyDate, String extension) {
        String decomposed = Normalizer.normalize(customerName == null ? "" : customerName, Normalizer.Form.NFKD);
        String name = NOT_ALPHANUMERIC.matcher(ACCENTS.matcher(decomposed).replaceAll("")).replaceAll("-");
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        name = trimDashes(name);
        if (name.isEmpty()) {
            name = "customer";
        }
        String ext = extension.startsWith(".") ? extension.substring(1) : extension;
        return name + "-open-orders-" + sydneyDate + "." + ext;
    }

    private static String trimDashes(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '-') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '-') {
            end--;
        }
        return name.substring(start, end);
    }
}
