package io.flowtrace.tracer;

import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.internal.CropWindow;
import io.flowtrace.tracer.internal.MapReadout;
import io.flowtrace.tracer.internal.Resampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * Tracks query points from frame 1 to frame 2 by counterfactual probing (KL-tracing).
 *
 * <p>Scale 0 probes the whole frames squished to the model's crop, all points sharing one crop pair
 * and so one clean pass per seed. Each zoom then crops frame 1 around the query and frame 2 around
 * the current estimate, with a side of {@code min(H, W)} at the first zoom and {@code zoomShrink}
 * times the previous side after that, and probes again. At every scale the maps of the mask seeds
 * are averaged and the peak is read out; the last scale's peak decides visibility.
 */
public final class KlTracer {

    private final ProbeModel model;
    private final TracerConfig config;

    public KlTracer(ProbeModel model, TracerConfig config) {
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
    }

    public TracerConfig config() {
        return config;
    }

    /** Tracks every query; see {@link #track(RgbImage, RgbImage, List, IntConsumer)}. */
    public List<PointEstimate> track(RgbImage frame1, RgbImage frame2, List<Point> queries) {
        return track(frame1, frame2, queries, steps -> {});
    }

    /**
     * Tracks every query point of {@code frame1} into {@code frame2}.
     *
     * @param progress told how many (point, scale) steps finished, as they finish
     */
    public List<PointEstimate> track(
            RgbImage frame1, RgbImage frame2, List<Point> queries, IntConsumer progress) {
        if (!frame1.sameSizeAs(frame2)) {
            throw new IllegalArgumentException(
                    "frames differ in size: " + frame1 + " and " + frame2);
        }
        int n = queries.size();
        if (n == 0) {
            return List.of();
        }
        List<List<ScaleStep>> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>(config.zoomIterations() + 1));
        }
        Point[] estimates = fullFramePass(frame1, frame2, queries, steps);
        progress.accept(n);
        double side = Math.min(frame1.width(), frame1.height());
        for (int zoom = 1; zoom <= config.zoomIterations(); zoom++) {
            if (zoom > 1) {
                side *= config.zoomShrink();
            }
            estimates = zoomPass(frame1, frame2, queries, estimates, side, zoom, steps);
            progress.accept(n);
        }
        List<PointEstimate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<ScaleStep> s = steps.get(i);
            double peak = s.get(s.size() - 1).peak();
            out.add(
                    new PointEstimate(
                            estimates[i],
                            peak >= config.occlusionThreshold(),
                            peak,
                            config.passesPerPoint(),
                            s));
        }
        return out;
    }

    private Point[] fullFramePass(
            RgbImage frame1, RgbImage frame2, List<Point> queries, List<List<ScaleStep>> steps) {
        CropWindow window = CropWindow.squish(frame1.width(), frame1.height());
        RgbImage crop1 = Resampler.crop(frame1, window);
        RgbImage crop2 = Resampler.crop(frame2, window);
        float[] points = new float[queries.size() * 2];
        for (int i = 0; i < queries.size(); i++) {
            points[2 * i] = (float) window.toCropX(queries.get(i).x());
            points[2 * i + 1] = (float) window.toCropY(queries.get(i).y());
        }
        ProbeMaps maps =
                model.probe(
                                ProbeRequest.of(
                                        new ProbePair(crop1, crop2, points, config.seeds()),
                                        config.probe()))
                        .get(0);
        Point[] estimates = new Point[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            estimates[i] = readOut(maps, i, window, 0, steps.get(i));
        }
        return estimates;
    }

    private Point[] zoomPass(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            Point[] previous,
            double side,
            int zoom,
            List<List<ScaleStep>> steps) {
        int n = queries.size();
        CropWindow[] targetWindows = new CropWindow[n];
        List<CompletableFuture<ProbeResult>> pending = new ArrayList<>();
        for (int from = 0; from < n; from += config.batchPairs()) {
            int to = Math.min(n, from + config.batchPairs());
            List<ProbePair> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Point q = queries.get(i);
                CropWindow w1 =
                        CropWindow.centredSquare(
                                q.x(), q.y(), side, frame1.width(), frame1.height());
                CropWindow w2 =
                        CropWindow.centredSquare(
                                previous[i].x(),
                                previous[i].y(),
                                side,
                                frame2.width(),
                                frame2.height());
                targetWindows[i] = w2;
                float[] point = {(float) w1.toCropX(q.x()), (float) w1.toCropY(q.y())};
                batch.add(
                        new ProbePair(
                                Resampler.crop(frame1, w1),
                                Resampler.crop(frame2, w2),
                                point,
                                config.seeds()));
            }
            pending.add(model.probeAsync(new ProbeRequest(batch, config.probe())));
        }
        Point[] estimates = new Point[n];
        int i = 0;
        for (CompletableFuture<ProbeResult> f : pending) {
            ProbeResult result = f.join();
            for (ProbeMaps maps : result.maps()) {
                estimates[i] = readOut(maps, 0, targetWindows[i], zoom, steps.get(i));
                i++;
            }
        }
        return estimates;
    }

    private Point readOut(
            ProbeMaps maps, int point, CropWindow target, int scale, List<ScaleStep> trace) {
        float[] mean =
                config.hiddenOnlyMean()
                        ? MapReadout.hiddenMeanOverSeeds(
                                maps, point, config.seeds(), config.probe().maskRatio())
                        : MapReadout.meanOverSeeds(maps, point);
        double[] crop = MapReadout.position(mean, config.position());
        Point estimate = new Point(target.toImageX(crop[0]), target.toImageY(crop[1]));
        trace.add(
                new ScaleStep(
                        scale,
                        target.width(),
                        mean,
                        maps.gridSize(),
                        MapReadout.peak(mean),
                        estimate,
                        new Point(crop[0], crop[1])));
        return estimate;
    }
}
