package io.flowtrace.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.model.ReferenceModel;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.tracer.KlTracer;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.TracerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference model answers the same over gRPC (client, wire, embedded server) as in process:
 * maps bit for bit, and so the tracer's estimates exactly.
 */
class GrpcLoopbackEquivalenceTest {

    private static final ReferenceModel REFERENCE = new ReferenceModel();
    private static final SyntheticClip CLIP =
            SyntheticClip.generate(SceneSpec.translation(11).toBuilder().queries(3).build());

    private static LocalServer server;
    private static GrpcProbeModel remote;

    @BeforeAll
    static void serve() {
        server = LocalServer.start(REFERENCE);
        remote = GrpcProbeModel.connect(server.client().maxBatchSize(4).build());
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    private static ProbePair pair(int i, int points) {
        RgbImage f1 = CLIP.frames().get(0);
        RgbImage f2 = CLIP.frames().get(1);
        float[] xy = new float[points * 2];
        for (int k = 0; k < points; k++) {
            xy[2 * k] = 20 + 23 * i + 7 * k;
            xy[2 * k + 1] = 200 - 17 * i + 0.5f * k;
        }
        return new ProbePair(f1, f2, xy, new long[] {1110 + i, 2220});
    }

    @Test
    void mapsAndTokensAreIdenticalToTheInProcessModelAcrossBatches() {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ProbePair p = pair(i, i == 2 || i == 5 ? 3 : 1);
            pairs.add(
                    i == 3
                            ? new ProbePair(
                                    p.frame1(),
                                    p.frame2(),
                                    p.points(),
                                    p.seeds(),
                                    io.flowtrace.inference.QueryWindow.around(p.x(0), p.y(0), 30))
                            : p);
        }
        long callsBefore = remote.metrics().calls();
        for (ProbeParams params :
                List.of(
                        ProbeParams.PAPER,
                        ProbeParams.PAPER
                                .withMapSize(64)
                                .withSigma(3.25)
                                .withPlan(io.flowtrace.inference.SequencePlan.SHARED))) {
            ProbeRequest request = new ProbeRequest(pairs, params);

            ProbeResult local = REFERENCE.probe(request);
            ProbeResult wire = remote.probe(request);

            for (int i = 0; i < pairs.size(); i++) {
                assertThat(wire.get(i).rawValues())
                        .as("pair %d, %s", i, params)
                        .isEqualTo(local.get(i).rawValues());
                assertThat(wire.get(i).tokens())
                        .as("tokens of pair %d, %s", i, params)
                        .isEqualTo(local.get(i).tokens())
                        .isPositive();
            }
        }
        // 5 one-point pairs in batches of 4 -> 2 requests, 2 three-point pairs -> 1, twice
        assertThat(remote.metrics().calls() - callsBefore).isEqualTo(2 * 3);
        assertThat(remote.metrics().failed()).isZero();
    }

    @Test
    void theTracerFindsExactlyTheSameTracksOverTheWire() {
        TracerConfig config = TracerConfig.defaults().withMasks(2).withZoomIterations(2);
        List<Point> queries = CLIP.queries().stream().map(q -> new Point(q.x(), q.y())).toList();
        RgbImage f1 = CLIP.frames().get(0);
        RgbImage f2 = CLIP.frames().get(1);

        List<PointEstimate> local = new KlTracer(REFERENCE, config).track(f1, f2, queries);
        List<PointEstimate> wire = new KlTracer(remote, config).track(f1, f2, queries);

        // field by field, the scale steps' mean maps element by element, all exactly
        assertThat(wire)
                .usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class)
                .withComparatorForType(Float::compare, Float.class)
                .isEqualTo(local);
        assertThat(wire.get(0).steps()).hasSize(3);
    }
}
