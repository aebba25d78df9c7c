package io.etareport.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;

/** Test stand-in for order look-ups: answers the rows it was given, or fails; remembers what was asked. */
public class FakeOrderLookup implements OrderLookup {

    private List<Map<String, Object>> rows = List.of();
    private String source = "live";
    private RuntimeException failure;
    private final List<String> asked = new ArrayList<>();

    public void answer(List<Map<String, Object>> rows) {
        answer(rows, "live");
    }

    public void answer(List<Map<String, Object>> rows, String source) {
        this.rows = rows;
        this.source = source;
        this.failure = null;
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public List<String> asked() {
        return asked;
    }

    @Override
    public Found find(Instance instance, String entitySet, String refNo) {
        asked.add(instance + " " + entitySet + " " + refNo);
        if (failure != null) {
            throw failure;
        }
        return new Found(rows, source);
    }
}
