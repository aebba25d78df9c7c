package io.etareport.buz;

/** The manufacturer's two BuzManager instances (factories); shown to customers as "Supplier". */
public enum Instance {
    DD("DESDR"),
    CBR("WATSO");

    private final String code;

    Instance(String code) {
        this.code = code;
    }

    /** The instance's code in BuzManager URLs, {@code /reports/<code>/...}. */
    public String code() {
        return code;
    }
}
