package io.flowtrace.job.internal;

/**
 * Which of the last 64 sequences up to the newest released one were released in order by the
 * pairing function, as a bit mask: bit {@code i} stands for {@code newest - i}. It tells a
 * duplicate of a released frame (dropped quietly) from a late frame that would have filled a gap
 * (sent to the late side output), in one {@code long} of state.
 */
public final class ReleasedSequences {

    /** How far back the mask remembers. */
    public static final int WINDOW = Long.SIZE;

    private ReleasedSequences() {}

    /** The mask after {@code sequence}, newer than {@code newest}, was released. */
    public static long advance(long mask, long newest, long sequence) {
        long shift = sequence - newest;
        if (shift <= 0) {
            throw new IllegalArgumentException(
                    "sequence " + sequence + " is not newer than " + newest);
        }
        return shift >= WINDOW ? 1L : (mask << shift) | 1L;
    }

    /**
     * True when {@code sequence}, not newer than {@code newest}, was released; sequences {@link
     * #WINDOW} or more behind count as not released.
     */
    public static boolean contains(long mask, long newest, long sequence) {
        long back = newest - sequence;
        return back >= 0 && back < WINDOW && ((mask >>> back) & 1L) != 0;
    }
}
