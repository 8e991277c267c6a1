package dev.fakesmtp.internal;

import java.util.Arrays;

/**
 * A growable byte buffer with a hard limit: past the limit it stops storing and remembers that
 * it overflowed, so an oversized message costs no more memory than the limit.
 */
public final class ByteSink {

    private final int limit;
    private byte[] bytes;
    private int size;
    private boolean overflowed;

    /** A sink that keeps at most {@code limit} bytes. */
    public ByteSink(int limit) {
        this.limit = limit;
        // 4 KiB: most messages in tests fit without growing; no array for a sink that keeps nothing.
        this.bytes = new byte[Math.min(limit, 4096)];
    }

    /** Appends one byte, or marks the overflow. */
    public void write(int b) {
        if (size >= limit) {
            overflowed = true;
            return;
        }
        if (size == bytes.length) {
            grow(size + 1);
        }
        bytes[size++] = (byte) b;
    }

    /** Appends bytes; what does not fit under the limit is dropped and marks the overflow. */
    public void write(byte[] source, int offset, int length) {
        if (overflowed) {
            return;
        }
        if ((long) size + length > limit) {
            // Keep what fits, exactly as byte-by-byte writes would (the transcript shows it).
            write(source, offset, limit - size);
            overflowed = true;
            return;
        }
        if (size + length > bytes.length) {
            grow(size + length);
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** True when more than the limit was written. */
    public boolean overflowed() {
        return overflowed;
    }

    /** How many bytes are stored. */
    public int size() {
        return size;
    }

    /** The stored bytes, exactly sized. */
    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        long doubled = Math.max((long) bytes.length * 2, needed);
        bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, limit));
    }
}
