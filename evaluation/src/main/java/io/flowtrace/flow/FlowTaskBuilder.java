package io.flowtrace.flow;

import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Samples a {@link FlowTask} from a flow field: pixels whose flow is known and not marked invalid
 * are eligible; occluded ones (marked in the occlusion mask, or whose target leaves the frame) are
 * left out unless {@link #includeOccluded(boolean)}, which keeps them as not visible. Queries are
 * drawn uniformly without replacement, the same ones for the same seed.
 */
public final class FlowTaskBuilder {

    private final FlowField flow;
    private PixelMask occlusions;
    private PixelMask invalid;
    private int points = 400;
    private long seed;
    private boolean includeOccluded;

    FlowTaskBuilder(FlowField flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** Pixels of frame 0 that are hidden or out of view in frame 1; none when not given. */
    public FlowTaskBuilder occlusions(PixelMask mask) {
        this.occlusions = mask;
        return this;
    }

    /** Pixels whose ground-truth flow is not to be trusted; none when not given. */
    public FlowTaskBuilder invalid(PixelMask mask) {
        this.invalid = mask;
        return this;
    }

    /** How many queries to sample; default 400. */
    public FlowTaskBuilder points(int points) {
        this.points = points;
        return this;
    }

    /** The sampling seed; default 0. */
    public FlowTaskBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Whether occluded pixels may be sampled (then marked not visible); default false. */
    public FlowTaskBuilder includeOccluded(boolean include) {
        this.includeOccluded = include;
        return this;
    }

    /**
     * Samples the task.
     *
     * @throws IllegalArgumentException when points is not positive, a mask's size differs from the
     *     flow's, or fewer pixels are eligible than points are wanted
     */
    public FlowTask build() {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive, was " + points);
        }
        checkSize(occlusions, "occlusion");
        checkSize(invalid, "invalid");
        Eligibility eligibility = eligibility();
        int[] pool = eligibility.pixels();
        if (pool.length < points) {
            throw new IllegalArgumentException(eligibility.shortfall(points));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Query> queries = new ArrayList<>(points);
        List<TrackPoint> truth = new ArrayList<>(points);
        for (int id = 0; id < points; id++) {
            // A partial Fisher-Yates shuffle: pool[0..id] are the pixels drawn so far.
            int pick = id + random.nextInt(pool.length - id);
            int pixel = pool[pick];
            pool[pick] = pool[id];
            pool[id] = pixel;
            int x = pixel % flow.width();
            int y = pixel / flow.width();
            queries.add(new Query(id, 0, x, y));
            truth.add(new TrackPoint(id, 1, x + flow.u(x, y), y + flow.v(x, y), !occluded(x, y)));
        }
        return new FlowTask(flow.width(), flow.height(), queries, truth, pool.length);
    }

    private void checkSize(PixelMask mask, String what) {
        if (mask != null && (mask.width() != flow.width() || mask.height() != flow.height())) {
            throw new IllegalArgumentException(
                    what
                            + " mask is "
                            + mask.width()
                            + "x"
                            + mask.height()
                            + " but the flow is "
                            + flow.width()
                            + "x"
                            + flow.height());
        }
    }

    private Eligibility eligibility() {
        int width = flow.width();
        int[] pixels = new int[width * flow.height()];
        int eligible = 0;
        int unknown = 0;
        int invalidCount = 0;
        int occludedCount = 0;
        for (int y = 0; y < flow.height(); y++) {
            for (int x = 0; x < width; x++) {
                if (!flow.known(x, y)) {
                    unknown++;
                } else if (invalid != null && invalid.get(x, y)) {
                    invalidCount++;
                } else if (!includeOccluded && occluded(x, y)) {
                    occludedCount++;
                } else {
                    pixels[eligible++] = y * width + x;
                }
            }
        }
        return new Eligibility(
                Arrays.copyOf(pixels, eligible),
                pixels.length,
                unknown,
                invalidCount,
                occludedCount);
    }

    /** Whether pixel (x, y), whose flow is known, is hidden in frame 1 or its target leaves it. */
    private boolean occluded(int x, int y) {
        if (occlusions != null && occlusions.get(x, y)) {
            return true;
        }
        double tx = x + flow.u(x, y);
        double ty = y + flow.v(x, y);
        return tx < -0.5 || ty < -0.5 || tx > flow.width() - 0.5 || ty > flow.height() - 0.5;
    }

    /** The eligible pixels (row-major indices) and why the others were left out. */
    private record Eligibility(int[] pixels, int total, int unknown, int invalid, int occluded) {

        String shortfall(int points) {
            return "only "
                    + pixels.length
                    + " of "
                    + total
                    + " pixels are eligible for "
                    + points
                    + " points ("
                    + unknown
                    + " have unknown flow, "
                    + invalid
                    + " are invalid, "
                    + occluded
                    + " are occluded or leave the frame)";
        }
    }
}
