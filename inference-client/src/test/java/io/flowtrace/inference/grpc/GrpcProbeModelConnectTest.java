package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.TensorSpec;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcProbeModelConnectTest {

    private static List<TensorSpec> contractWith(int index, TensorSpec replacement) {
        List<TensorSpec> specs = new ArrayList<>(FakeInferenceService.batched(ModelTensors.INPUTS));
        if (replacement == null) {
            specs.remove(index);
        } else {
            specs.set(index, replacement);
        }
        return specs;
    }

    @Test
    void connectsWhenTheServerServesTheContract() throws Exception {
        try (LoopbackServer server = LoopbackServer.plaintext(new FakeInferenceService());
                GrpcProbeModel model =
                        GrpcProbeModel.connect(ProbeFixtures.fast(server.target()).build())) {
            assertThat(model.modelId()).isEqualTo("lras_kl_probe:1 at " + server.target());
            assertThat(model.metrics().calls()).isEqualTo(4);
        }
    }

    @Test
    void mismatchedMetadataNamesTheTensorAndBothSides() throws Exception {
        FakeInferenceService fake =
                new FakeInferenceService()
                        .servingInputs(
                                contractWith(
                                        3, new TensorSpec("SEEDS", "INT32", new long[] {-1, -1})));
        try (LoopbackServer server = LoopbackServer.plaintext(fake)) {
            assertThatThrownBy(
                            () ->
                                    GrpcProbeModel.connect(
                                            ProbeFixtures.fast(server.target()).build()))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining(
                            "model lras_kl_probe input SEEDS: server says INT32 [-1,-1],"
                                    + " flowtrace expects INT64 [-1,-1]")
                    .hasMessageContaining(server.target().toString())
                    .extracting(e -> ((InferenceException) e).code())
                    .isEqualTo(Status.Code.FAILED_PRECONDITION);
        }
    }

    @Test
    void missingBatchDimensionOrMissingTensorIsAMismatchToo() throws Exception {
        FakeInferenceService unbatched =
                new FakeInferenceService()
                        .servingInputs(
                                contractWith(
                                        2,
                                        new TensorSpec(
                                                "PROBE_POINTS", "FP32", new long[] {-1, 2})));
        FakeInferenceService missing =
                new FakeInferenceService().servingInputs(contractWith(8, null));
        try (LoopbackServer a = LoopbackServer.plaintext(unbatched);
                LoopbackServer b = LoopbackServer.plaintext(missing)) {
            assertThatThrownBy(() -> GrpcProbeModel.connect(ProbeFixtures.fast(a.target()).build()))
                    .hasMessageContaining(
                            "input PROBE_POINTS: server says FP32 [-1,2], flowtrace expects FP32"
                                    + " [-1,-1,2]");
            assertThatThrownBy(() -> GrpcProbeModel.connect(ProbeFixtures.fast(b.target()).build()))
                    .hasMessageContaining(
                            "input MAP_SIZE: server does not declare it, flowtrace expects INT32"
                                    + " [-1,1]");
        }
    }

    @Test
    void aModelThatIsNotReadyFailsAtOnce() throws Exception {
        try (LoopbackServer server =
                LoopbackServer.plaintext(new FakeInferenceService().modelReady(false))) {
            assertThatThrownBy(
                            () ->
                                    GrpcProbeModel.connect(
                                            ProbeFixtures.fast(server.target()).build()))
                    .hasMessageContaining("model lras_kl_probe is not ready at " + server.target());
        }
    }
}
