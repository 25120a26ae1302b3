package io.flowtrace.cli.dense;

import io.flowtrace.flow.FlowField;

/** End-point error between two dense flow fields. */
public final class FlowError {

    private FlowError() {}

    /**
     * Mean Euclidean distance between the two fields' vectors over the pixels known in both, in
     * pixels; NaN when no pixel is.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public static double endPointError(FlowField estimate, FlowField truth) {
        if (estimate.width() != truth.width() || estimate.height() != truth.height()) {
            throw new IllegalArgumentException(
                    "flow sizes differ: "
                            + estimate.width()
                            + "x"
                            + estimate.height()
                            + " and "
                            + truth.width()
                            + "x"
                            + truth.height());
        }
        float[] eu = estimate.u();
        float[] ev = estimate.v();
        float[] tu = truth.u();
        float[] tv = truth.v();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < eu.length; i++) {
            if (Float.isFinite(eu[i])
                    && Float.isFinite(ev[i])
                    && Float.isFinite(tu[i])
                    && Float.isFinite(tv[i])) {
                sum += Math.hypot(eu[i] - tu[i], ev[i] - tv[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
