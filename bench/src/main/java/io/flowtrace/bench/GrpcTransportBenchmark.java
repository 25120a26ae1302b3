package io.flowtrace.bench;

import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.inference.grpc.GrpcTarget;
import io.flowtrace.model.server.ModelServer;
import io.flowtrace.model.server.ModelServerConfig;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gRPC path adds per probe step: encoding, the loopback round trip through the embedded
 * KServe v2 server, decoding and checks, with a model that costs nothing behind it. {@code
 * zoomStep}: one crop pair, one point, five seeds (one zoom level). {@code batchOfEight}: eight
 * such pairs in one ModelInfer request (the Triton model's max_batch_size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class GrpcTransportBenchmark {

    private static final long[] SEEDS = {1110, 1111, 1112, 1113, 1114};

    @Param({"64"})
    public int mapSize;

    private ModelServer server;
    private GrpcProbeModel client;
    private ProbeRequest zoomStep;
    private ProbeRequest batchOfEight;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.builder().size(256, 256).frames(2).queries(1).seed(7).build());
        RgbImage f1 = clip.frames().get(0);
        RgbImage f2 = clip.frames().get(1);
        ProbeParams params = ProbeParams.PAPER.withMapSize(mapSize);
        ProbePair pair = new ProbePair(f1, f2, new float[] {127.5f, 127.5f}, SEEDS);
        zoomStep = ProbeRequest.of(pair, params);
        batchOfEight = new ProbeRequest(Collections.nCopies(8, pair), params);
        server =
                ModelServer.start(
                        ModelServerConfig.plaintext(0).withHost("127.0.0.1"), new ZeroProbeModel());
        client =
                GrpcProbeModel.connect(
                        GrpcClientConfig.builder(new GrpcTarget("127.0.0.1", server.port(), false))
                                .build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    public ProbeResult zoomStep() {
        return client.probe(zoomStep);
    }

    @Benchmark
    public ProbeResult batchOfEight() {
        return client.probe(batchOfEight);
    }
}
