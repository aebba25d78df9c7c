package io.etareport.statuses;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test stand-in for the statuses BuzManager reports: set what it answers, or make it fail. */
public class FakeLiveStatuses implements LiveStatuses {

    private Set<String> statuses = Set.of();
    private RuntimeException failure;

    public void answer(String... statuses) {
        this.statuses = new LinkedHashSet<>(List.of(statuses));
        this.failure = null;
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Set<String> fetch() {
        if (failure != null) {
            throw failure;
        }
        return statuses;
    }
}
