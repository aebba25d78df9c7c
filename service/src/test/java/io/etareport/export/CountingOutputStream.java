package io.etareport.export;

import java.io.OutputStream;

/** Discards what is written, counting the bytes: measures the writer, not the disk. */
final class CountingOutputStream extends OutputStream {

    long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }
}
