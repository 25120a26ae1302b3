package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.MotionKind;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeClipCommandTest {

    @TempDir Path dir;

    @Test
    void writesTheGeneratedClipAsATask() throws Exception {
        Path out = dir.resolve("clip");

        CommandRun run =
                CommandRun.of(
                        "make-clip",
                        "--width",
                        "80",
                        "--height",
                        "64",
                        "--frames",
                        "5",
                        "--motion",
                        "affine",
                        "--max-speed",
                        "12",
                        "--points",
                        "6",
                        "--seed",
                        "3",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SyntheticClip expected =
                SyntheticClip.generate(
                        SceneSpec.builder()
                                .size(80, 64)
                                .frames(5)
                                .layers(3)
                                .motion(MotionKind.AFFINE)
                                .maxSpeed(12)
                                .queries(6)
                                .seed(3)
                                .build());
        try (var frames = Files.list(out.resolve("frames"))) {
            assertThat(frames.count()).isEqualTo(5);
        }
        Path reference = dir.resolve("reference");
        expected.writeTask(reference); // the same clip through the same writers
        assertThat(Files.readString(out.resolve("queries.csv")))
                .isEqualTo(Files.readString(reference.resolve("queries.csv")));
        assertThat(Files.readString(out.resolve("gt.csv")))
                .isEqualTo(Files.readString(reference.resolve("gt.csv")));
        assertThat(QueriesCsv.read(out.resolve("queries.csv"))).hasSize(6);
        assertThat(TracksCsv.read(out.resolve("gt.csv"))).hasSize(6 * 4);
        assertThat(run.out()).contains("wrote 5 frames of 80x64 and 6 queries");
    }

    @Test
    void refusesABadSpecNamingTheValue() {
        CommandRun run =
                CommandRun.of("make-clip", "--frames", "1", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frames").contains("1");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
