package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.SequencePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeTensorsTest {

    private static final ProbeParams PARAMS =
            ProbeParams.PAPER.withReadout(Readout.RGB_DIFF).withMapSize(64).withSigma(1.5);

    private static Map<String, InferTensor> encoded(ProbeRequest request) {
        Map<String, InferTensor> out = new LinkedHashMap<>();
        ProbeTensors.encode(request.pairs(), request.params()).forEach(t -> out.put(t.name(), t));
        return out;
    }

    @Test
    void encodesTheContractsInputsInOrderWithTheBatchDimension() {
        List<InferTensor> tensors =
                ProbeTensors.encode(
                        List.of(ProbeFixtures.pair(3, 2), ProbeFixtures.pair(9, 2)), PARAMS);

        assertThat(tensors.stream().map(InferTensor::toString))
                .containsExactly(
                        "FRAME1 UINT8 [2,256,256,3]",
                        "FRAME2 UINT8 [2,256,256,3]",
                        "PROBE_POINTS FP32 [2,2,2]",
                        "SEEDS INT64 [2,5]",
                        "SIGMA FP32 [2,1]",
                        "AMPLITUDE FP32 [2,1]",
                        "MASK_RATIO FP32 [2,1]",
                        "READOUT INT32 [2,1]",
                        "MAP_SIZE INT32 [2,1]",
                        "QUERY_WINDOW FP32 [2,4]",
                        "SEQUENCE_PLAN INT32 [2,1]");
    }

    @Test
    void carriesEachPairsWindowAndTheRequestsPlan() {
        ProbePair windowed =
                new ProbePair(
                        ProbeFixtures.pair(3, 1).frame1(),
                        ProbeFixtures.pair(3, 1).frame2(),
                        new float[] {10, 20},
                        ProbeFixtures.pair(3, 1).seeds(),
                        new QueryWindow(4, 8, 60.5f, 70));
        ProbeRequest request =
                new ProbeRequest(
                        List.of(windowed, ProbeFixtures.pair(9, 1)),
                        PARAMS.withPlan(SequencePlan.fromBits(5)));

        ProbeRequest back = ProbeTensors.decode(encoded(request));

        assertThat(back.pairs().get(0).window()).isEqualTo(new QueryWindow(4, 8, 60.5f, 70));
        assertThat(back.pairs().get(1).window()).isEqualTo(QueryWindow.FULL);
        assertThat(back.params().plan()).isEqualTo(SequencePlan.fromBits(5));
        Map<String, InferTensor> badWindow = new LinkedHashMap<>(encoded(request));
        badWindow.put(
                "QUERY_WINDOW",
                InferTensor.fp32(
                        "QUERY_WINDOW",
                        new long[] {2, 4},
                        new float[] {0, 0, 256, 256, 9, 0, 3, 256}));
        assertThatThrownBy(() -> ProbeTensors.decode(badWindow))
                .hasMessageStartingWith("input QUERY_WINDOW (pair 1): query window needs x0 < x1");
        Map<String, InferTensor> badPlan = new LinkedHashMap<>(encoded(request));
        badPlan.put(
                "SEQUENCE_PLAN",
                InferTensor.int32("SEQUENCE_PLAN", new long[] {2, 1}, new int[] {9, 9}));
        assertThatThrownBy(() -> ProbeTensors.decode(badPlan))
                .hasMessageStartingWith("input SEQUENCE_PLAN: must be 0 to 7");
    }

    @Test
    void decodesWhatItEncodes() {
        ProbeRequest request =
                new ProbeRequest(
                        List.of(ProbeFixtures.pair(3, 2), ProbeFixtures.pair(9, 2)), PARAMS);

        ProbeRequest back = ProbeTensors.decode(encoded(request));

        assertThat(back.pairs()).isEqualTo(request.pairs());
        assertThat(back.params().readout()).isEqualTo(Readout.RGB_DIFF);
        assertThat(back.params().mapSize()).isEqualTo(64);
        assertThat(back.params().sigma()).isEqualTo(1.5);
        assertThat(back.params().maskRatio()).isEqualTo((double) 0.9f);
    }

    @Test
    void refusesBatchesWithUnequalPointCounts() {
        assertThatThrownBy(
                        () ->
                                ProbeTensors.encode(
                                        List.of(ProbeFixtures.pair(3, 1), ProbeFixtures.pair(3, 2)),
                                        PARAMS))
                .hasMessageContaining("pair 1 has 2 points");
    }

    @Test
    void decodeNamesTheTensorAtFault() {
        Map<String, InferTensor> in = encoded(ProbeRequest.of(ProbeFixtures.pair(3, 1), PARAMS));
        Map<String, InferTensor> wrongType = new LinkedHashMap<>(in);
        wrongType.put("SEEDS", InferTensor.int32("SEEDS", new long[] {1, 5}, new int[5]));
        Map<String, InferTensor> missing = new LinkedHashMap<>(in);
        missing.remove("MAP_SIZE");
        Map<String, InferTensor> badMap = new LinkedHashMap<>(in);
        badMap.put("MAP_SIZE", InferTensor.int32("MAP_SIZE", new long[] {1, 1}, new int[] {48}));

        assertThatThrownBy(() -> ProbeTensors.decode(wrongType))
                .hasMessage("input SEEDS: expected INT64 [-1,-1], got INT32 [1,5]");
        assertThatThrownBy(() -> ProbeTensors.decode(missing))
                .hasMessageStartingWith("input MAP_SIZE: missing");
        assertThatThrownBy(() -> ProbeTensors.decode(badMap))
                .hasMessage("input MAP_SIZE: must be 32 or 64, was 48");
    }

    @Test
    void splitsTheDivergenceTensorIntoPairsAndChecksItsShape() {
        float[] a = new float[2 * 5 * 32 * 32];
        float[] b = new float[2 * 5 * 32 * 32];
        a[0] = 1;
        b[b.length - 1] = 2;
        List<ProbeMaps> original =
                List.of(new ProbeMaps(2, 5, 32, a, 7), new ProbeMaps(2, 5, 32, b, 9));
        InferTensor t = ProbeTensors.divergence(original);
        InferTensor tokens = ProbeTensors.tokens(original);

        List<ProbeMaps> maps = ProbeTensors.maps(t, tokens, 2, 2, 5, 32);

        assertThat(t).hasToString("DIVERGENCE FP32 [2,2,5,32,32]");
        assertThat(tokens).hasToString("TOKENS INT64 [2,1]");
        assertThat(maps.get(0).rawValues()).isEqualTo(a);
        assertThat(maps.get(1).rawValues()).isEqualTo(b);
        assertThat(maps).extracting(ProbeMaps::tokens).containsExactly(7L, 9L);
        assertThatThrownBy(() -> ProbeTensors.maps(t, tokens, 2, 2, 5, ModelTensors.FINE_GRID))
                .hasMessageContaining("expected FP32 [2,2,5,64,64]");
        InferTensor shortTokens =
                InferTensor.int64(ModelTensors.TOKENS, new long[] {1, 1}, new long[] {7});
        assertThatThrownBy(() -> ProbeTensors.maps(t, shortTokens, 2, 2, 5, 32))
                .hasMessageContaining("expected INT64 [2,1]");
    }
}
