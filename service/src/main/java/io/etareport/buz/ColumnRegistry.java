package io.etareport.buz;

import java.util.Collection;

/**
 * Where the columns BuzManager sends are recorded, and which of them may be kept. The service's own
 * implementation keeps both in the database; tests may use a fixed policy.
 */
public interface ColumnRegistry {

    /** The policy in force now: holding a column back changes it at once. */
    ColumnPolicy policy();

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
