package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.Readout;
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
                        "MAP_SIZE INT32 [2,1]");
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
        InferTensor t =
                ProbeTensors.divergence(
                        List.of(new ProbeMaps(2, 5, 32, a), new ProbeMaps(2, 5, 32, b)));

        List<ProbeMaps> maps = ProbeTensors.maps(t, 2, 2, 5, 32);

        assertThat(t).hasToString("DIVERGENCE FP32 [2,2,5,32,32]");
        assertThat(maps.get(0).rawValues()).isEqualTo(a);
        assertThat(maps.get(1).rawValues()).isEqualTo(b);
        assertThatThrownBy(() -> ProbeTensors.maps(t, 2, 2, 5, ModelTensors.FINE_GRID))
                .hasMessageContaining("expected FP32 [2,2,5,64,64]");
    }
}
