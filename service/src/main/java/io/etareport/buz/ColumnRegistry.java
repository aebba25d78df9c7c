package io.etareport.buz;

import java.util.Collection;
import java.util.function.Function;

/**
 * Where the columns BuzManager sends are recorded, and which of them may be kept. The service's own
 * implementation keeps both in the database; tests may use a fixed policy.
 */
public interface ColumnRegistry {

    /** The policy in force now: holding a column back changes it at once. */
    ColumnPolicy policy();

    /**
     * What each column's values looked like when last seen, so a download writes numbers and dates as such. Not a
     * guard: which columns a row keeps is decided once, where it enters ({@link BuzQueries}).
     */
    default Function<String, ColumnKind> kinds() {
        ColumnPolicy current = policy();
        return current::kindOf;
    }

    /** Records the names one fetch returned; called once per fetch, never per row. */
    void seen(SeenColumns columns);

    /** A registry that records nothing and keeps the required columns plus {@code approved}. */
    static ColumnRegistry fixed(Collection<String> approved) {
        ColumnPolicy policy = ColumnPolicy.approving(approved);
        return new ColumnRegistry() {
            @Override
            public ColumnPolicy policy() {
                return policy;
            }

            @Override
            public void seen(SeenColumns columns) {
                // Nothing to record.
            }
        };
    }
}
