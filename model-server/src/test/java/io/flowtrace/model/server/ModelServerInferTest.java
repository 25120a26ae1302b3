package io.flowtrace.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.grpc.InferTensor;
import io.flowtrace.inference.grpc.ProbeFixtures;
import io.flowtrace.inference.grpc.ProbeTensors;
import io.flowtrace.inference.grpc.v2.ModelInferRequest;
import io.flowtrace.inference.grpc.v2.ModelInferResponse;
import io.flowtrace.inference.grpc.v2.ModelStreamInferResponse;
import io.flowtrace.inference.grpc.v2.WireTensors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ModelInfer on the embedded server: answers, and refuses malformed requests by name. */
class ModelServerInferTest {

    private static final ZeroProbeModel MODEL = new ZeroProbeModel();
    private static LocalServer server;

    @BeforeAll
    static void serve() {
        server = LocalServer.start(MODEL);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<InferTensor> inputs(int pairs) {
        List<ProbePair> batch = Collections.nCopies(pairs, ProbeFixtures.pair(5, 2));
        return new ArrayList<>(ProbeTensors.encode(batch, ProbeParams.PAPER));
    }

    private static ModelInferRequest request(List<InferTensor> inputs) {
        return WireTensors.request(ModelTensors.MODEL_NAME, "", inputs, List.of());
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getStatus().getDescription()).isEqualTo(message);
                        });
    }

    @Test
    void answersDivergenceAsRawFp32WithTheBatchDimension() {
        ModelInferResponse r =
                server.stub().modelInfer(request(inputs(3)).toBuilder().setId("q7").build());

        InferTensor out = WireTensors.outputs(r).get(0);
        assertThat(r.getId()).isEqualTo("q7");
        assertThat(r.getRawOutputContentsCount()).isEqualTo(2);
        assertThat(out).hasToString("DIVERGENCE FP32 [3,2,5,32,32]");
        assertThat(WireTensors.outputs(r).get(1)).hasToString("TOKENS INT64 [3,1]");
    }

    @Test
    void refusesAWrongDatatypeNamingTheTensor() {
        List<InferTensor> in = inputs(1);
        in.set(3, InferTensor.int32("SEEDS", new long[] {1, 5}, new int[5]));

        assertInvalid(
                () -> server.stub().modelInfer(request(in)),
                "model lras_kl_probe input SEEDS: expected INT64 [-1,-1], got INT32 [1,5]");
    }

    @Test
    void refusesAWrongShapeNamingTheTensor() {
        List<InferTensor> in = inputs(1);
        in.set(
                0,
                InferTensor.uint8("FRAME1", new long[] {1, 128, 128, 3}, new byte[128 * 128 * 3]));

        assertInvalid(
                () -> server.stub().modelInfer(request(in)),
                "model lras_kl_probe input FRAME1: expected UINT8 [-1,256,256,3], got UINT8"
                        + " [1,128,128,3]");
    }

    @Test
    void refusesAMissingInputNamingIt() {
        List<InferTensor> in = inputs(1);
        in.remove(8);

        assertThatThrownBy(() -> server.stub().modelInfer(request(in)))
                .hasMessageContaining(
                        "INVALID_ARGUMENT: model lras_kl_probe input MAP_SIZE: missing");
    }

    @Test
    void refusesRawContentsOfTheWrongSize() {
        ModelInferRequest r =
                request(inputs(1)).toBuilder()
                        .setRawInputContents(
                                3, com.google.protobuf.ByteString.copyFrom(new byte[12]))
                        .build();

        assertInvalid(
                () -> server.stub().modelInfer(r),
                "model lras_kl_probe tensor SEEDS INT64 [1,5] needs 40 bytes of raw contents, got 12");
    }

    @Test
    void refusesMoreThanMaxBatchSizePairs() {
        assertInvalid(
                () -> server.stub().modelInfer(request(inputs(9))),
                "model lras_kl_probe batch of 9 crop pairs exceeds max_batch_size 8");
    }

    @Test
    void refusesUnknownModelsAndOutputs() {
        ModelInferRequest wrongModel = request(inputs(1)).toBuilder().setModelName("other").build();
        ModelInferRequest wrongOutput =
                WireTensors.request(ModelTensors.MODEL_NAME, "", inputs(1), List.of("LOGITS"));

        assertThatThrownBy(() -> server.stub().modelInfer(wrongModel))
                .hasMessageContaining("NOT_FOUND: unknown model 'other'");
        assertInvalid(
                () -> server.stub().modelInfer(wrongOutput),
                "model lras_kl_probe output LOGITS: unknown; the model has [DIVERGENCE, TOKENS]");
    }

    @Test
    void streamsAnswersAndErrorsInRequestOrder() throws InterruptedException {
        List<ModelStreamInferResponse> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<ModelInferRequest> requests =
                server.asyncStub().modelStreamInfer(collect(answers, done));
        List<InferTensor> bad = inputs(1);
        bad.remove(4);

        requests.onNext(request(inputs(2)));
        requests.onNext(request(bad));
        requests.onCompleted();

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getErrorMessage()).isEmpty();
        assertThat(WireTensors.outputs(answers.get(0).getInferResponse()).get(0))
                .hasToString("DIVERGENCE FP32 [2,2,5,32,32]");
        assertThat(answers.get(1).getErrorMessage())
                .startsWith("model lras_kl_probe input SIGMA: missing");
    }

    private static StreamObserver<ModelStreamInferResponse> collect(
            List<ModelStreamInferResponse> into, CountDownLatch done) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ModelStreamInferResponse r) {
                into.add(r);
            }

            @Override
            public void onError(Throwable t) {
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        };
    }
}
