package io.flowtrace.model.internal;

/** Read access to the frame-1 crop and the local features the model derives from it. */
interface Frame1View {

    /** The crop's pixels, row-major RGB. */
    byte[] rgb();

    /** The crop smoothed with {@link Smoothing}, row-major RGB. */
    float[] smooth();

    /** Adds {@code w} times the soft code bits of the 4x4 cell at (x, y) to acc[off..off+15]. */
    void addBits(int x, int y, float w, float[] acc, int off);

    /** Mean of channel c over the 8x8 window whose top-left pixel is (x, y). */
    float mean(int x, int y, int c);
}
