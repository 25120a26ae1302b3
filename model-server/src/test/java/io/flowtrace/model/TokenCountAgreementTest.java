package io.flowtrace.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.SequencePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference model reports the tokens LRAS computes for the same requests: the cases in {@code
 * deploy/triton/tests/cost_cases.json} are run here through the reference model and there through
 * the Triton model on a tiny LRAS, which counts the tokens that go through its transformer; both
 * must match the file. {@code -Dflowtrace.writeCostCases=true} rewrites the file's counts from this
 * model (then run the Python tests to see that they agree).
 */
class TokenCountAgreementTest {

    private static final Path CASES = Path.of("../deploy/triton/tests/cost_cases.json");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ReferenceModel model = new ReferenceModel();

    @Test
    void theReferenceModelReportsTheCountsTheLrasModelComputes() throws IOException {
        boolean write = Boolean.getBoolean("flowtrace.writeCostCases");
        ArrayNode cases = (ArrayNode) JSON.readTree(CASES.toFile());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        List<Long> distinct = new ArrayList<>();
        for (JsonNode c : cases) {
            ProbePair pair = pair(c);
            ProbeParams params = params(c);
            ProbeMaps maps = model.probe(ProbeRequest.of(pair, params)).get(0);
            if (write) {
                ((ObjectNode) c).put("tokens", maps.tokens());
            } else {
                assertThat(maps.tokens())
                        .as("case %s", c.get("name").asText())
                        .isEqualTo(c.get("tokens").asLong());
            }
            distinct.add(maps.tokens());
        }
        if (write) {
            JSON.writeValue(CASES.toFile(), cases);
        }
        assertThat(distinct.stream().distinct().count()).isGreaterThan(cases.size() / 2);
    }

    private static ProbePair pair(JsonNode c) {
        JsonNode pts = c.get("points");
        float[] points = new float[2 * pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            points[2 * i] = (float) pts.get(i).get(0).asDouble();
            points[2 * i + 1] = (float) pts.get(i).get(1).asDouble();
        }
        long[] seeds = new long[c.get("seeds").size()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = c.get("seeds").get(i).asLong();
        }
        JsonNode w = c.get("window");
        QueryWindow window =
                new QueryWindow(
                        (float) w.get(0).asDouble(),
                        (float) w.get(1).asDouble(),
                        (float) w.get(2).asDouble(),
                        (float) w.get(3).asDouble());
        return new ProbePair(frame(c.get("frame1")), frame(c.get("frame2")), points, seeds, window);
    }

    private static ProbeParams params(JsonNode c) {
        return new ProbeParams(
                c.get("sigma").asDouble(),
                c.get("amplitude").asDouble(),
                (float) c.get("mask_ratio").asDouble(), // as it travels: FP32
                Readout.KL,
                c.get("map_size").asInt(),
                SequencePlan.fromBits(c.get("plan").asInt()));
    }

    /** {"noise": SEED}: successive SplitMix64(SEED) outputs, low byte; {"flat": V}: all V. */
    static RgbImage frame(JsonNode spec) {
        byte[] rgb = new byte[256 * 256 * 3];
        if (spec.has("flat")) {
            Arrays.fill(rgb, (byte) spec.get("flat").asInt());
        } else {
            long state = spec.get("noise").asLong();
            for (int i = 0; i < rgb.length; i++) {
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                rgb[i] = (byte) (z ^ (z >>> 31));
            }
        }
        return new RgbImage(256, 256, rgb);
    }
}
