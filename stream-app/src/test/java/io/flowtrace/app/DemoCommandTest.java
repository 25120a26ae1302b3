package io.flowtrace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir Path dir;

    @Test
    void generatesTracksAndScoresAClip() {
        Path out = dir.resolve("demo");

        CommandRun run =
                CommandRun.of("demo", "--frames", "2", "--queries", "4", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tracked 4 queries").contains("AD ").contains("<δavg");
        assertThat(Files.exists(out.resolve("pred.csv"))).isTrue();
        assertThat(Files.exists(out.resolve("gt.csv"))).isTrue();
    }
}
