package io.flowtrace.bench;

import io.flowtrace.inference.GaussianDot;
import io.flowtrace.inference.ProbeCost;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.SequencePlan;
import io.flowtrace.inference.grpc.InferTensor;
import io.flowtrace.inference.grpc.ProbeTensors;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.tracer.ReadoutPosition;
import io.flowtrace.tracer.internal.MapReadout;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java-side kernels of one probe step, apart from the model: the dot, the mask-aware mean over
 * five seeds of a 64x64 map, the centroid readout, the input tensors of a batch of eight zoom
 * pairs, and the token count of a zoom pair and of a 64-point full-frame pair (which a model
 * without a transformer computes for every request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TracerKernelsBenchmark {

    private static final long[] SEEDS = {1110, 1111, 1112, 1113, 1114};

    private RgbImage crop;
    private ProbeMaps maps;
    private float[] mean;
    private List<ProbePair> batch;
    private ProbePair zoomPair;
    private ProbePair fullFramePair;
    private final ProbeParams params =
            ProbeParams.PAPER.withMapSize(64).withPlan(SequencePlan.SHARED);

    @Setup
    public void setUp() {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.builder().size(256, 256).frames(2).queries(64).seed(7).build());
        crop = clip.frames().get(0);
        RgbImage next = clip.frames().get(1);
        Random random = new Random(3);
        float[] values = new float[SEEDS.length * 64 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        maps = new ProbeMaps(1, SEEDS.length, 64, values, 0);
        mean = MapReadout.hiddenMeanOverSeeds(maps, 0, SEEDS, 0.9);
        zoomPair =
                new ProbePair(
                        crop,
                        next,
                        new float[] {127.5f, 127.5f},
                        SEEDS,
                        QueryWindow.around(127.5, 127.5, 30));
        batch =
                List.of(
                        zoomPair, zoomPair, zoomPair, zoomPair, zoomPair, zoomPair, zoomPair,
                        zoomPair);
        float[] xy = new float[2 * 64];
        for (int i = 0; i < 64; i++) {
            xy[2 * i] = (float) clip.queries().get(i).x();
            xy[2 * i + 1] = (float) clip.queries().get(i).y();
        }
        fullFramePair = new ProbePair(crop, next, xy, SEEDS);
    }

    @Benchmark
    public RgbImage dot() {
        return GaussianDot.apply(crop, 100.3, 140.7, 2.0, 255.0);
    }

    @Benchmark
    public float[] hiddenMeanOverFiveSeeds() {
        return MapReadout.hiddenMeanOverSeeds(maps, 0, SEEDS, 0.9);
    }

    @Benchmark
    public double[] centroidReadout() {
        return MapReadout.position(mean, ReadoutPosition.CENTROID);
    }

    @Benchmark
    public List<InferTensor> encodeEightZoomPairs() {
        return ProbeTensors.encode(batch, params);
    }

    @Benchmark
    public long tokensOfAZoomPair() {
        return ProbeCost.tokens(zoomPair, params);
    }

    @Benchmark
    public long tokensOfA64PointFullFramePair() {
        return ProbeCost.tokens(fullFramePair, params);
    }
}
