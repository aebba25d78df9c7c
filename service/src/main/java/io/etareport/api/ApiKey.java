package io.etareport.api;

import java.time.Instant;

/**
 * A named API key as admins see it: never the key itself, only its first characters.
 *
 * @param prefix    the key's first characters, to tell keys apart
 * @param perMinute calls allowed per minute
 * @param revokedAt null while the key works
 */
public record ApiKey(long id, String name, String prefix, int perMinute, Instant createdAt, String createdBy,
                     Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
