package io.etareport.simulator;

/** What the simulator does instead of answering a report request normally. */
public enum FaultMode {
    /** Answer normally. */
    NONE,
    /** 503 Service Unavailable, with {@code Retry-After} when one is set (the daily blackout looks like this). */
    HTTP_503,
    /** 429 Too Many Requests, always with {@code Retry-After} (1 s unless set). */
    HTTP_429,
    /** 500 with an OData error body. */
    HTTP_500,
    /** 502 Bad Gateway from a proxy, HTML body. */
    HTTP_502,
    /** 504 Gateway Timeout from a proxy, HTML body. */
    HTTP_504,
    /** Accept the request and never answer, until the fault is cleared, the simulator stops or the hang limit. */
    HANG,
    /** Close the connection without sending a single byte of response. */
    DROP_CONNECTION,
    /** 200 with an OData content type and a truncated JSON body. */
    MALFORMED_JSON,
    /** 200 with an HTML maintenance page instead of JSON. */
    HTML_200
}
