package io.etareport.api;

/** Who made an API call: the key's name (never the key) and its per-minute limit. */
public record ApiCaller(String keyName, int perMinute) {
}
