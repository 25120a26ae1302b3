package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.cli.internal.CompareResult;
import io.flowtrace.cli.internal.CompareTable;
import io.flowtrace.eval.Scores;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir Path dir;

    private Path task(String name, long seed) {
        return TestTasks.write(TestTasks.clip(2, 4, seed), dir.resolve(name));
    }

    @Test
    void writesOneRowPerTaskAndMethodWithTablesAndCharts() throws Exception {
        Path a = task("alpha", 21);
        Path b = task("beta", 22);
        Path out = dir.resolve("out");

        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        a.toString(),
                        b.toString(),
                        "--methods",
                        "kltrace:fast,rgbdiff:fast",
                        "--points",
                        "2",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CompareResult> rows = CompareTable.readCsv(out.resolve("compare.csv"));
        assertThat(rows)
                .extracting(r -> r.task() + "/" + r.contender())
                .containsExactly(
                        "alpha/kltrace:fast",
                        "alpha/rgbdiff:fast",
                        "beta/kltrace:fast",
                        "beta/rgbdiff:fast");
        assertThat(rows).allSatisfy(r -> assertThat(r.scores().points()).isEqualTo(2));
        assertThat(rows).allSatisfy(r -> assertThat(r.scores().missing()).isZero());
        assertThat(rows).allSatisfy(r -> assertThat(r.msPerPoint()).isPositive());
        List<TrackPoint> pred = TracksCsv.read(out.resolve("predictions/beta/rgbdiff-fast.csv"));
        assertThat(pred).extracting(TrackPoint::id).containsExactly(0, 1);
        assertThat(Files.readString(out.resolve("compare.md")))
                .contains("Mean over tasks", "| alpha | kltrace:fast |", "| rgbdiff:fast |");
        assertThat(run.out()).contains("| beta | rgbdiff:fast |");
        List<Path> charts;
        try (Stream<Path> files = Files.list(out)) {
            charts = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(charts).hasSize(6);
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart.toString()).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(image.getHeight());
        }
    }

    @Test
    void resumeKeepsFinishedResultsAndRunsOnlyTheMissingOnes() {
        Path a = task("alpha", 23);
        Path out = dir.resolve("out");
        CommandRun first =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        a.toString(),
                        "--methods",
                        "kltrace:fast",
                        "--points",
                        "1",
                        "--out",
                        out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path csv = out.resolve("compare.csv");
        List<CompareResult> marked = new ArrayList<>();
        for (CompareResult r : CompareTable.readCsv(csv)) {
            Scores s = r.scores();
            marked.add(
                    new CompareResult(
                            r.task(),
                            r.contender(),
                            new Scores(
                                    123.0,
                                    s.epe(),
                                    s.deltaAvg(),
                                    s.oa(),
                                    s.aj(),
                                    s.points(),
                                    s.visible(),
                                    s.missing()),
                            r.msPerPoint(),
                            r.passesPerPoint(),
                            r.passEquivalentsPerPoint()));
        }
        CompareTable.writeCsv(csv, marked);

        CommandRun second =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        a.toString(),
                        "--methods",
                        "kltrace:fast,rgbdiff:fast",
                        "--points",
                        "1",
                        "--out",
                        out.toString(),
                        "--resume");

        assertThat(second.exitCode()).as(second.err()).isZero();
        List<CompareResult> rows = CompareTable.readCsv(csv);
        assertThat(rows)
                .extracting(CompareResult::contender)
                .containsExactly("kltrace:fast", "rgbdiff:fast");
        assertThat(rows.get(0).scores().ad()).isEqualTo(123.0);
        assertThat(rows.get(1).scores().ad()).isNotEqualTo(123.0);
    }

    @Test
    void rejectsAnUnknownMethodNamingIt() {
        Path a = task("alpha", 24);

        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        a.toString(),
                        "--methods",
                        "kltrace,warp9",
                        "--out",
                        dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("warp9");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rejectsAPresetOnAMethodWithoutARecipe() {
        assertThat(
                        CommandRun.of(
                                "compare",
                                "--tasks",
                                task("alpha", 25).toString(),
                                "--methods",
                                "kltrace:turbo",
                                "--out",
                                dir.resolve("out").toString()))
                .satisfies(
                        run -> {
                            assertThat(run.exitCode()).isEqualTo(2);
                            assertThat(run.err()).contains("turbo");
                        });
    }

    @Test
    void tracksWithTheAskedProtocolAndMarksTheMethodsNearTheReference() throws Exception {
        Path out = dir.resolve("out");

        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        TestTasks.write(TestTasks.clip(4, 2, 31), dir.resolve("clip")).toString(),
                        "--methods",
                        "kltrace:fast,kltrace:efficient",
                        "--protocol",
                        "anchored",
                        "--reference",
                        "kltrace:fast",
                        "--points",
                        "2",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CompareResult> rows = CompareTable.readCsv(out.resolve("compare.csv"));
        // anchored: each query into the 3 other frames
        assertThat(rows).allSatisfy(r -> assertThat(r.scores().points()).isEqualTo(2 * 3));
        assertThat(rows.get(1).passEquivalentsPerPoint())
                .isLessThan(rows.get(0).passEquivalentsPerPoint());
        assertThat(Files.readString(out.resolve("compare.md")))
                .contains("within 1 of kltrace:fast");
    }

    @Test
    void refusesAReferenceThatIsNotAMethod() {
        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        task("alpha", 26).toString(),
                        "--methods",
                        "dis",
                        "--reference",
                        "lk",
                        "--out",
                        dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reference lk is not one of the methods");
    }

    @Test
    void rejectsAPresetOnABaseline() {
        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        task("alpha", 26).toString(),
                        "--methods",
                        "dis:paper",
                        "--out",
                        dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dis").contains("no recipe preset");
    }

    @Test
    void runsBaselinesBesideKlTracingOnTheSameQueries() {
        Path out = dir.resolve("out");

        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        task("alpha", 27).toString(),
                        "--methods",
                        "kltrace:fast,dis,farneback,lk",
                        "--points",
                        "3",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CompareResult> rows = CompareTable.readCsv(out.resolve("compare.csv"));
        assertThat(rows)
                .extracting(CompareResult::contender)
                .containsExactly("kltrace:fast", "dis", "farneback", "lk");
        assertThat(rows).allSatisfy(r -> assertThat(r.scores().points()).isEqualTo(3));
        assertThat(rows.get(0).passesPerPoint()).isPositive();
        assertThat(rows.get(0).passEquivalentsPerPoint()).isPositive();
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.passesPerPoint()).isZero());
        assertThat(rows.subList(1, 4))
                .allSatisfy(r -> assertThat(r.passEquivalentsPerPoint()).isZero());
    }

    @Test
    void reportsAMissingTaskFolderAsBadInput() {
        CommandRun run =
                CommandRun.of(
                        "compare",
                        "--tasks",
                        dir.resolve("nowhere").toString(),
                        "--methods",
                        "kltrace:fast",
                        "--out",
                        dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere");
    }
}
