package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcProbeModelBatchingTest {

    @Test
    void batchesPairsOfEqualShapeUpToTheMaxAndKeepsRequestOrder() throws Exception {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            pairs.add(ProbeFixtures.pair(i, i == 5 || i == 11 ? 3 : 1));
        }
        FakeInferenceService fake = new FakeInferenceService();
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(ProbeFixtures.fast(server.target()).build())) {
            ProbeResult result = model.probe(new ProbeRequest(pairs, ProbeParams.PAPER));

            for (int i = 0; i < pairs.size(); i++) {
                assertThat(result.get(i).points()).isEqualTo(pairs.get(i).pointCount());
                assertThat(result.get(i).value(0, 4, 31, 31)).as("pair %d", i).isEqualTo(i);
            }
            // 17 one-point pairs -> 8 + 8 + 1; 2 three-point pairs -> 2
            assertThat(fake.batchSizes).containsExactlyInAnyOrder(8, 8, 1, 2);
            assertThat(model.metrics().calls()).isEqualTo(4 + 4);
        }
    }
}
