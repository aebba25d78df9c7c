package io.etareport.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored reports are the report's JSON, gzipped (a tenth of the size or less). Rows written before
 * compression hold the JSON as text; they are read as they are, told apart by gzip's magic bytes.
 */
final class ResultCodec {

    private ResultCodec() {
    }

    static byte[] compress(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON of a stored result, compressed or not. */
    static InputStream open(byte[] stored) {
        ByteArrayInputStream raw = new ByteArrayInputStream(stored);
        if (!isGzip(stored)) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isGzip(byte[] stored) {
        return stored.length > 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
    }
}
