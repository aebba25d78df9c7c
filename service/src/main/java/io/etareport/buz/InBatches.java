package io.etareport.buz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits the values of an {@code in (...)} condition into consecutive batches, each as large as
 * it can be while the request built from it stays within a length limit.
 */
final class InBatches {

    private InBatches() {
    }

    /**
     * @param lengthOf the length of the whole request built for a batch (measured encoded)
     * @throws IllegalArgumentException when one value alone is already too long
     */
    static List<List<String>> split(List<String> values, ToIntFunction<List<String>> lengthOf, int maxLength) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String value : values) {
            current.add(value);
            if (lengthOf.applyAsInt(current) <= maxLength) {
                continue;
            }
            current.remove(current.size() - 1);
            if (current.isEmpty()) {
                throw new IllegalArgumentException("A single value makes the request longer than " + maxLength);
            }
            batches.add(List.copyOf(current));
            current = new ArrayList<>();
            current.add(value);
            if (lengthOf.applyAsInt(current) > maxLength) {
                throw new IllegalArgumentException("A single value makes the request longer than " + maxLength);
            }
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }
}
