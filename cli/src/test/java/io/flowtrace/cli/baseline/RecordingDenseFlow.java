package io.flowtrace.cli.baseline;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fake dense flow: a uniform displacement forwards (from the first frame it is given) and another
 * backwards, optionally unknown in one pixel column; records each call as "A->B" by whether each
 * frame is the first.
 */
final class RecordingDenseFlow implements DenseFlow {

    final List<String> calls = new ArrayList<>();
    private final RgbImage first;
    private final double[] forward;
    private final double[] backward;
    private int unknownColumn = -1;

    RecordingDenseFlow(RgbImage first, double[] forward, double[] backward) {
        this.first = first;
        this.forward = forward;
        this.backward = backward;
    }

    /** Leaves the flow of pixel column {@code x} unknown in both directions. */
    RecordingDenseFlow unknownAt(int x) {
        unknownColumn = x;
        return this;
    }

    @Override
    public FlowField flow(RgbImage from, RgbImage to) {
        calls.add(name(from) + "->" + name(to));
        double[] d = from == first ? forward : backward;
        int n = from.width() * from.height();
        float[] u = new float[n];
        float[] v = new float[n];
        Arrays.fill(u, (float) d[0]);
        Arrays.fill(v, (float) d[1]);
        for (int y = 0; unknownColumn >= 0 && y < from.height(); y++) {
            u[y * from.width() + unknownColumn] = Float.NaN;
            v[y * from.width() + unknownColumn] = Float.NaN;
        }
        return new FlowField(from.width(), from.height(), u, v);
    }

    private String name(RgbImage image) {
        return image == first ? "A" : "B";
    }

    @Override
    public String describe() {
        return "recording flow";
    }
}
