package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code track --method dis|farneback|lk} then {@code eval} on generated translation clips
 * (256x256, 64 queries, about 6 of them occluded in frame 1). Over seeds 1-8 the worst clip scored
 * AD 0.66 px, <δavg 94.5, OA 87.5 (LK, Farneback); the bounds leave room for OpenCV versions.
 */
class BaselineTrackingTest {

    private static final long[] SEEDS = {1, 2, 3};

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void tracksGeneratedTranslationClipsWithinOnePixel(String method) throws IOException {
        for (long seed : SEEDS) {
            SyntheticClip clip = SyntheticClip.generate(SceneSpec.translation(seed));
            Path task = TestTasks.write(clip, dir.resolve("seed-" + seed));

            JsonNode scores = trackAndScore(task, method, "first");

            String context = method + " on seed " + seed + ": " + scores;
            assertThat(scores.get("points").asInt()).as(context).isEqualTo(64);
            assertThat(scores.get("AD").asDouble()).as(context).isLessThan(1.0);
            assertThat(scores.get("deltaAvg").asDouble()).as(context).isGreaterThan(90);
            assertThat(scores.get("OA").asDouble()).as(context).isGreaterThan(85);
        }
    }

    /** Over seeds 4-9 the worst 3-frame clip scored AD 0.53 px, <δavg 93.1 (LK). */
    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void tracksFrameByFrameThroughALongerClip(String method) throws IOException {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.translation(4).toBuilder().frames(3).queries(16).build());
        Path task = TestTasks.write(clip, dir.resolve("chained"));

        JsonNode scores = trackAndScore(task, method, "chained");

        String context = method + ": " + scores;
        assertThat(scores.get("points").asInt()).as(context).isEqualTo(32);
        assertThat(scores.get("missing").asInt()).as(context).isZero();
        assertThat(scores.get("AD").asDouble()).as(context).isLessThan(1.0);
        assertThat(scores.get("deltaAvg").asDouble()).as(context).isGreaterThan(90);
    }

    private static JsonNode trackAndScore(Path task, String method, String protocol)
            throws IOException {
        Path pred = task.resolve("pred-" + method + ".csv");
        CommandRun track =
                CommandRun.of(
                        "track",
                        "--method",
                        method,
                        "--protocol",
                        protocol,
                        "--frames",
                        task.resolve("frames").toString(),
                        "--queries",
                        task.resolve("queries.csv").toString(),
                        "--out",
                        pred.toString());
        assertThat(track.exitCode()).as(track.err()).isZero();
        assertThat(track.out()).contains("0.0 model passes and 0.00 pass-equivalents per point");
        CommandRun eval =
                CommandRun.of(
                        "eval", "--task", task.toString(), "--pred", pred.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        return new ObjectMapper().readTree(eval.out());
    }
}
