package io.flowtrace.job.internal;

import java.util.Arrays;

/**
 * The sequences and capture times of a camera's buffered frames, sorted by sequence, kept apart
 * from the frames themselves so that bookkeeping never deserializes image bytes. Immutable; each
 * change returns a new index. Sizes are bounded by the reorder buffer (tens of frames), so linear
 * scans are fine.
 *
 * @param sequences buffered sequences, ascending
 * @param captureTimes capture time in epoch millis of each sequence, same order
 */
public record ReorderIndex(long[] sequences, long[] captureTimes) {

    private static final ReorderIndex EMPTY = new ReorderIndex(new long[0], new long[0]);

    public ReorderIndex {
        if (sequences.length != captureTimes.length) {
            throw new IllegalArgumentException(
                    sequences.length + " sequences but " + captureTimes.length + " capture times");
        }
    }

    public static ReorderIndex empty() {
        return EMPTY;
    }

    public int size() {
        return sequences.length;
    }

    public boolean isEmpty() {
        return sequences.length == 0;
    }

    public boolean contains(long sequence) {
        return Arrays.binarySearch(sequences, sequence) >= 0;
    }

    /** The lowest buffered sequence; the index must not be empty. */
    public long first() {
        return sequences[0];
    }

    /** The highest buffered sequence; the index must not be empty. */
    public long last() {
        return sequences[sequences.length - 1];
    }

    /** The capture time of buffered {@code sequence}. */
    public long captureTimeOf(long sequence) {
        return captureTimes[indexOf(sequence)];
    }

    /** True when some buffered frame was captured at {@code time}. */
    public boolean hasCaptureTime(long time) {
        for (long t : captureTimes) {
            if (t == time) {
                return true;
            }
        }
        return false;
    }

    /**
     * The highest sequence whose frame is ripe (captured at or before {@code watermark}), or empty
     * when none is; releasing every sequence up to it keeps sequence order even if capture times
     * are not monotonic.
     */
    public java.util.OptionalLong ripeUpTo(long watermark) {
        for (int i = sequences.length - 1; i >= 0; i--) {
            if (captureTimes[i] <= watermark) {
                return java.util.OptionalLong.of(sequences[i]);
            }
        }
        return java.util.OptionalLong.empty();
    }

    /** This index with {@code sequence} added; it must not be buffered yet. */
    public ReorderIndex with(long sequence, long captureTime) {
        int at = Arrays.binarySearch(sequences, sequence);
        if (at >= 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is already buffered");
        }
        int insert = -at - 1;
        long[] s = new long[sequences.length + 1];
        long[] t = new long[s.length];
        System.arraycopy(sequences, 0, s, 0, insert);
        System.arraycopy(captureTimes, 0, t, 0, insert);
        s[insert] = sequence;
        t[insert] = captureTime;
        System.arraycopy(sequences, insert, s, insert + 1, sequences.length - insert);
        System.arraycopy(captureTimes, insert, t, insert + 1, sequences.length - insert);
        return new ReorderIndex(s, t);
    }

    /** This index without its lowest sequence. */
    public ReorderIndex withoutFirst() {
        return new ReorderIndex(
                Arrays.copyOfRange(sequences, 1, sequences.length),
                Arrays.copyOfRange(captureTimes, 1, captureTimes.length));
    }

    private int indexOf(long sequence) {
        int at = Arrays.binarySearch(sequences, sequence);
        if (at < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is not buffered");
        }
        return at;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReorderIndex other
                && Arrays.equals(sequences, other.sequences)
                && Arrays.equals(captureTimes, other.captureTimes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sequences) + Arrays.hashCode(captureTimes);
    }

    @Override
    public String toString() {
        return "ReorderIndex" + Arrays.toString(sequences);
    }
}
