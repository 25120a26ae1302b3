package io.flowtrace.bench;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.SequencePlan;
import io.flowtrace.model.ReferenceModel;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Probe steps of the CPU reference model, as the tracer issues them.
 *
 * <p>{@code zoomStep}: one crop pair, one point, five seeds, as at every zoom level: 10 model
 * passes (5 clean, 5 perturbed) per operation. {@code sharedFullFrame}: one crop pair with {@code
 * points} points and five seeds, as at scale 0: 5 clean passes shared by 5 x points perturbed ones.
 * Passes per second = operations per second x passes per operation. {@code windowedZoomStep}: the
 * zoom step asking only for the patches of a 24-pixel search around the crop's centre, as {@code
 * --windowed-queries} does (the estimates do not change).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class ReferenceModelBenchmark {

    private static final long[] SEEDS = {1110, 1111, 1112, 1113, 1114};

    @Param({"64"})
    public int mapSize;

    @Param({"64"})
    public int points;

    private ReferenceModel model;
    private ProbeRequest zoomStep;
    private ProbeRequest windowedZoomStep;
    private ProbeRequest sharedFullFrame;

    @Setup
    public void setUp() {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.builder()
                                .size(256, 256)
                                .frames(2)
                                .queries(points)
                                .seed(7)
                                .build());
        RgbImage f1 = clip.frames().get(0);
        RgbImage f2 = clip.frames().get(1);
        ProbeParams params = ProbeParams.PAPER.withMapSize(mapSize);
        model = new ReferenceModel();
        zoomStep =
                ProbeRequest.of(new ProbePair(f1, f2, new float[] {127.5f, 127.5f}, SEEDS), params);
        windowedZoomStep =
                ProbeRequest.of(
                        new ProbePair(
                                f1,
                                f2,
                                new float[] {127.5f, 127.5f},
                                SEEDS,
                                QueryWindow.around(127.5, 127.5, 24 + 1.5 * 256.0 / mapSize + 1)),
                        params.withPlan(SequencePlan.SHARED));
        float[] xy = new float[points * 2];
        for (int i = 0; i < points; i++) {
            xy[2 * i] = (float) clip.queries().get(i).x();
            xy[2 * i + 1] = (float) clip.queries().get(i).y();
        }
        sharedFullFrame = ProbeRequest.of(new ProbePair(f1, f2, xy, SEEDS), params);
        if (mapSize != ModelTensors.GRID && mapSize != ModelTensors.FINE_GRID) {
            throw new IllegalArgumentException("map size " + mapSize);
        }
    }

    @Benchmark
    public ProbeResult zoomStep() {
        return model.probe(zoomStep);
    }

    @Benchmark
    public ProbeResult windowedZoomStep() {
        return model.probe(windowedZoomStep);
    }

    @Benchmark
    public ProbeResult sharedFullFrame() {
        return model.probe(sharedFullFrame);
    }
}
