package io.flowtrace.tracer;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeCost;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.QueryWindow;
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
        return track(frame1, frame2, queries, null, progress);
    }

    /**
     * Tracks every query point of {@code frame1} into {@code frame2}, starting each point that has
     * a prior from it instead of the full frame.
     *
     * <p>A point with a prior (where it is expected in frame 2, e.g. from its last position and
     * velocity) skips the full-frame pass and the zooms too coarse for {@link
     * TracerConfig#motionPriorRadius()}: it starts at the smallest zoom whose crop side is at least
     * four times that radius, searching within the radius of the prior, and refines as usual. When
     * its last peak is below the occlusion threshold, it is tracked again from the full frame
     * (re-acquisition), and both attempts are charged. Without a prior radius in the config, priors
     * are ignored.
     *
     * @param priors one expected frame-2 position per query, null entries (or a null list) for none
     * @param progress told how many (point, scale) steps finished, as they finish
     */
    public List<PointEstimate> track(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            List<Point> priors,
            IntConsumer progress) {
        if (!frame1.sameSizeAs(frame2)) {
            throw new IllegalArgumentException(
                    "frames differ in size: " + frame1 + " and " + frame2);
        }
        if (priors != null && priors.size() != queries.size()) {
            throw new IllegalArgumentException(
                    queries.size() + " queries but " + priors.size() + " priors");
        }
        int n = queries.size();
        if (n == 0) {
            return List.of();
        }
        List<List<ScaleStep>> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>(config.zoomIterations() + 1));
        }
        double[] tokens = new double[n];
        int[] firstZoom = firstZooms(frame1, priors, n);
        Point[] estimates = new Point[n];
        List<Integer> full = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (firstZoom[i] == 0) {
                full.add(i);
            } else {
                estimates[i] = priors.get(i);
            }
        }
        if (!full.isEmpty()) {
            fullFramePass(frame1, frame2, queries, full, estimates, steps, tokens);
        }
        progress.accept(n);
        double side = Math.min(frame1.width(), frame1.height());
        for (int zoom = 1; zoom <= config.zoomIterations(); zoom++) {
            if (zoom > 1) {
                side *= config.zoomShrink();
            }
            List<Integer> members = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (firstZoom[i] <= zoom) {
                    members.add(i);
                }
            }
            zoomPass(frame1, frame2, queries, members, estimates, side, zoom, steps, tokens);
            progress.accept(n);
        }
        double[] cycle = new double[n];
        java.util.Arrays.fill(cycle, Double.NaN);
        if (config.cycleTolerance() > 0) {
            cycle = cycleErrors(frame1, frame2, queries, estimates, side, tokens);
            progress.accept(n);
        }
        List<PointEstimate> out = new ArrayList<>(n);
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<ScaleStep> s = steps.get(i);
            double peak = s.get(s.size() - 1).peak();
            boolean visible =
                    peak >= config.occlusionThreshold()
                            && (config.cycleTolerance() <= 0
                                    || cycle[i] <= config.cycleTolerance());
            int scales =
                    firstZoom[i] == 0
                            ? config.stepsPerPoint()
                            : config.stepsPerPoint() - firstZoom[i];
            out.add(
                    new PointEstimate(
                            estimates[i],
                            visible,
                            peak,
                            2 * config.masks() * scales,
                            tokens[i] / ProbeCost.PASS_TOKENS,
                            s,
                            cycle[i]));
            if (firstZoom[i] > 0 && !visible) {
                lost.add(i);
            }
        }
        return lost.isEmpty() ? out : reacquire(frame1, frame2, queries, lost, out);
    }

    /** Tracks the points a prior lost again from the full frame, charging both attempts. */
    private List<PointEstimate> reacquire(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            List<Integer> lost,
            List<PointEstimate> out) {
        List<Point> again = lost.stream().map(queries::get).toList();
        List<PointEstimate> second = track(frame1, frame2, again, null, steps -> {});
        List<PointEstimate> merged = new ArrayList<>(out);
        for (int k = 0; k < lost.size(); k++) {
            PointEstimate first = out.get(lost.get(k));
            PointEstimate e = second.get(k);
            merged.set(
                    lost.get(k),
                    new PointEstimate(
                            e.position(),
                            e.visible(),
                            e.peak(),
                            first.passes() + e.passes(),
                            first.passEquivalents() + e.passEquivalents(),
                            e.steps(),
                            e.cycleError()));
        }
        return merged;
    }

    /**
     * The zoom each point starts at: 0 (the full frame) without a prior, else the last zoom whose
     * crop side is still at least four prior radii (the first zoom when none is).
     */
    private int[] firstZooms(RgbImage frame, List<Point> priors, int n) {
        int[] first = new int[n];
        double radius = config.motionPriorRadius();
        if (priors == null || radius <= 0 || config.zoomIterations() == 0) {
            return first;
        }
        int start = 1;
        double side = Math.min(frame.width(), frame.height());
        for (int zoom = 2; zoom <= config.zoomIterations(); zoom++) {
            side *= config.zoomShrink();
            if (side >= 4 * radius) {
                start = zoom;
            }
        }
        for (int i = 0; i < first.length; i++) {
            first[i] = priors.get(i) == null ? 0 : start;
        }
        return first;
    }

    private void fullFramePass(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            List<Integer> members,
            Point[] estimates,
            List<List<ScaleStep>> steps,
            double[] tokens) {
        CropWindow window = CropWindow.squish(frame1.width(), frame1.height());
        RgbImage crop1 = Resampler.crop(frame1, window);
        RgbImage crop2 = Resampler.crop(frame2, window);
        float[] points = new float[members.size() * 2];
        for (int k = 0; k < members.size(); k++) {
            Point q = queries.get(members.get(k));
            points[2 * k] = (float) window.toCropX(q.x());
            points[2 * k + 1] = (float) window.toCropY(q.y());
        }
        ProbeMaps maps =
                model.probe(
                                ProbeRequest.of(
                                        new ProbePair(crop1, crop2, points, config.seeds()),
                                        config.fullFrameProbe()))
                        .get(0);
        for (int k = 0; k < members.size(); k++) {
            int i = members.get(k);
            estimates[i] = readOut(maps, k, window, 0, null, 0, steps.get(i));
            tokens[i] +=
                    maps.tokens() / (double) members.size(); // shared alike by the pair's points
        }
    }

    private void zoomPass(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            List<Integer> members,
            Point[] estimates,
            double side,
            int zoom,
            List<List<ScaleStep>> steps,
            double[] tokens) {
        int n = members.size();
        CropWindow[] targetWindows = new CropWindow[n];
        double[] radii = new double[n];
        List<ProbePair> pairs = new ArrayList<>(n);
        int grid = config.probe().mapSize();
        for (int k = 0; k < n; k++) {
            int i = members.get(k);
            Point q = queries.get(i);
            CropWindow w1 = around(q, side, frame1);
            CropWindow w2 = around(estimates[i], side, frame2);
            targetWindows[k] = w2;
            radii[k] =
                    steps.get(i).isEmpty() // started from a prior
                            ? Math.max(
                                    config.motionPriorRadius() / w2.scaleX(),
                                    (double) w2.size() / grid)
                            : searchRadius(steps.get(i), w2, grid);
            QueryWindow queried =
                    config.windowedQueries()
                            ? searchWindow(
                                    w2.toCropX(estimates[i].x()),
                                    w2.toCropY(estimates[i].y()),
                                    radii[k],
                                    grid)
                            : QueryWindow.FULL;
            pairs.add(cropPair(frame1, w1, q, frame2, w2, queried));
        }
        List<ProbeMaps> maps = probeAll(pairs);
        for (int k = 0; k < n; k++) {
            int i = members.get(k);
            estimates[i] =
                    readOut(
                            maps.get(k),
                            0,
                            targetWindows[k],
                            zoom,
                            estimates[i],
                            radii[k],
                            steps.get(i));
            tokens[i] += maps.get(k).tokens();
        }
    }

    /**
     * The patches a zoom's readout can look at: the cells whose centres lie within {@code radius}
     * of (cx, cy), and the ring of cells around them that the centroid reads; the whole crop when
     * the search is unbounded.
     */
    static QueryWindow searchWindow(double cx, double cy, double radius, int grid) {
        if (Double.isInfinite(radius)) {
            return QueryWindow.FULL;
        }
        double cell = (double) ModelTensors.CROP_SIZE / grid;
        return QueryWindow.around(cx, cy, radius + 1.5 * cell + 1);
    }

    /**
     * Tracks each estimate back from frame 2 to frame 1 at the final zoom and returns how far, in
     * crop pixels, it lands from its query: a visible point comes back to where it started, an
     * occluded one lands on whatever covers it.
     */
    private double[] cycleErrors(
            RgbImage frame1,
            RgbImage frame2,
            List<Point> queries,
            Point[] estimates,
            double side,
            double[] tokens) {
        int n = queries.size();
        CropWindow[] backWindows = new CropWindow[n];
        List<ProbePair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            backWindows[i] = around(queries.get(i), side, frame1);
            CropWindow w2 = around(estimates[i], side, frame2);
            pairs.add(cropPair(frame2, w2, estimates[i], frame1, backWindows[i], QueryWindow.FULL));
        }
        List<ProbeMaps> maps = probeAll(pairs);
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            tokens[i] += maps.get(i).tokens();
            float[] mean = meanMap(maps.get(i), 0);
            double[] back = MapReadout.position(mean, config.position());
            CropWindow w1 = backWindows[i];
            errors[i] =
                    Math.hypot(
                            back[0] - w1.toCropX(queries.get(i).x()),
                            back[1] - w1.toCropY(queries.get(i).y()));
        }
        return errors;
    }

    private static CropWindow around(Point p, double side, RgbImage frame) {
        return CropWindow.centredSquare(p.x(), p.y(), side, frame.width(), frame.height());
    }

    /** The crop pair probing {@code point} of {@code from} (inside {@code fromWindow}). */
    private ProbePair cropPair(
            RgbImage from,
            CropWindow fromWindow,
            Point point,
            RgbImage to,
            CropWindow toWindow,
            QueryWindow queried) {
        float[] xy = {(float) fromWindow.toCropX(point.x()), (float) fromWindow.toCropY(point.y())};
        return new ProbePair(
                Resampler.crop(from, fromWindow),
                Resampler.crop(to, toWindow),
                xy,
                config.seeds(),
                queried);
    }

    /** Probes every pair, in requests of up to {@code batchPairs} pairs run concurrently. */
    private List<ProbeMaps> probeAll(List<ProbePair> pairs) {
        List<CompletableFuture<ProbeResult>> pending = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += config.batchPairs()) {
            int to = Math.min(pairs.size(), from + config.batchPairs());
            pending.add(
                    model.probeAsync(new ProbeRequest(pairs.subList(from, to), config.probe())));
        }
        List<ProbeMaps> maps = new ArrayList<>(pairs.size());
        for (CompletableFuture<ProbeResult> f : pending) {
            maps.addAll(f.join().maps());
        }
        return maps;
    }

    private float[] meanMap(ProbeMaps maps, int point) {
        return config.hiddenOnlyMean()
                ? MapReadout.hiddenMeanOverSeeds(
                        maps, point, config.seeds(), config.probe().maskRatio())
                : MapReadout.meanOverSeeds(maps, point);
    }

    /**
     * How far, in crop pixels of this zoom, the peak may lie from the previous estimate: {@code
     * zoomSearchCells} map cells of the previous scale, never less than one cell of this one.
     */
    private double searchRadius(List<ScaleStep> trace, CropWindow target, int grid) {
        if (config.zoomSearchCells() <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        ScaleStep last = trace.get(trace.size() - 1);
        double previousCell = last.cropSide() / last.gridSize();
        double thisCell = (double) target.size() / grid;
        return Math.max(thisCell, config.zoomSearchCells() * previousCell / target.scaleX());
    }

    private Point readOut(
            ProbeMaps maps,
            int point,
            CropWindow target,
            int scale,
            Point previous,
            double radius,
            List<ScaleStep> trace) {
        float[] mean = meanMap(maps, point);
        int peakCell =
                previous == null || Double.isInfinite(radius)
                        ? MapReadout.argMax(mean)
                        : MapReadout.argMaxWithin(
                                mean,
                                target.toCropX(previous.x()),
                                target.toCropY(previous.y()),
                                radius);
        double[] crop = MapReadout.position(mean, config.position(), peakCell);
        Point estimate = new Point(target.toImageX(crop[0]), target.toImageY(crop[1]));
        trace.add(
                new ScaleStep(
                        scale,
                        target.width(),
                        mean,
                        maps.gridSize(),
                        mean[peakCell],
                        estimate,
                        new Point(crop[0], crop[1]),
                        target.left(),
                        target.top(),
                        target.width(),
                        target.height()));
        return estimate;
    }
}
