package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.KlTracer;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.TracerConfig;
import java.util.List;
import java.util.function.IntConsumer;

/** A {@link PairTracker} that probes a model with the KL-tracing engine; owns the model. */
final class ProbeTracker implements PairTracker {

    private final ProbeModel model;
    private final KlTracer tracer;

    ProbeTracker(ProbeModel model, TracerConfig config) {
        this.model = model;
        this.tracer = new KlTracer(model, config);
    }

    @Override
    public List<PointEstimate> track(
            RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
        return tracer.track(from, to, points, progress);
    }

    @Override
    public List<PointEstimate> track(
            RgbImage from,
            RgbImage to,
            List<Point> points,
            List<Point> priors,
            IntConsumer progress) {
        return tracer.track(from, to, points, priors, progress);
    }

    @Override
    public String describe() {
        return "probing " + model.modelId() + " with " + tracer.config();
    }

    @Override
    public int stepsPerPoint() {
        return tracer.config().stepsPerPoint();
    }

    @Override
    public void close() {
        model.close();
    }
}
