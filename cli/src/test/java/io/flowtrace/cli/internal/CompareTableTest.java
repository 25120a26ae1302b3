package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.eval.Scores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTableTest {

    @TempDir Path dir;

    private static CompareResult result(String task, String method, double ad, double ms) {
        return new CompareResult(
                task, method, new Scores(ad, 2 * ad, 80, 90, 70, 10, 9, 0), ms, 0, 0);
    }

    @Test
    void csvRoundTripsEveryFigure() {
        List<CompareResult> rows =
                List.of(
                        new CompareResult(
                                "t1",
                                "kltrace:paper",
                                new Scores(1.25, 2.5, 88.75, 97.5, 81.25, 400, 390, 3),
                                1234.5,
                                56,
                                12.375),
                        result("t1", "dis", 0.5, 0.25));
        Path csv = dir.resolve("c.csv");

        CompareTable.writeCsv(csv, rows);

        assertThat(CompareTable.readCsv(csv)).containsExactlyElementsOf(rows);
    }

    @Test
    void markdownListsEveryRowAndTheMeanPerMethodOverTasks() {
        List<CompareResult> rows =
                List.of(
                        result("t1", "kltrace", 1.0, 400),
                        result("t1", "lk", 3.0, 1.0),
                        result("t2", "kltrace", 2.0, 600),
                        result("t2", "lk", 5.0, 3.0));

        String md = CompareTable.markdown(rows);

        assertThat(md)
                .contains("| t1 | kltrace | 1.00 | 2.00 | 80.0 | 90.0 | 70.0 | 10 | 400 | – | – |");
        // means: kltrace AD (1 + 2) / 2, EPE 3.00, 500 ms; lk AD 4.00, EPE 8.00, 2.00 ms
        assertThat(md).contains("| kltrace | 1.50 | 3.00 | 80.0 | 90.0 | 70.0 | 500 | – |");
        assertThat(md).contains("| lk | 4.00 | 8.00 | 80.0 | 90.0 | 70.0 | 2.00 | – |");
        assertThat(CompareTable.methods(rows)).containsExactly("kltrace", "lk");
        assertThat(CompareTable.tasks(rows)).containsExactly("t1", "t2");
    }

    @Test
    void marksTheMethodsWithinOnePointOfTheReferenceOnEveryTask() {
        List<CompareResult> rows =
                List.of(
                        scored("t1", "kltrace", 70.0),
                        scored("t1", "cheap", 69.5),
                        scored("t1", "cheaper", 71.0),
                        scored("t2", "kltrace", 60.0),
                        scored("t2", "cheap", 61.0),
                        scored("t2", "cheaper", 58.5));

        String md = CompareTable.markdown(rows, "kltrace");

        assertThat(md).contains("within 1 of kltrace |");
        assertThat(md).containsPattern("\\| cheap \\|.*\\| yes \\(-0\\.5 on t1\\) \\|");
        assertThat(md).containsPattern("\\| cheaper \\|.*\\| no \\(-1\\.5 on t2\\) \\|");
        assertThat(md).containsPattern("\\| kltrace \\|.*\\| yes \\|");
        assertThat(CompareTable.markdown(rows)).doesNotContain("within 1 of");
    }

    private static CompareResult scored(String task, String method, double deltaAvg) {
        return new CompareResult(
                task, method, new Scores(1, 2, deltaAvg, 90, 70, 10, 9, 0), 100, 10, 5);
    }

    @Test
    void readsATableWrittenBeforePassEquivalentsWereCounted() throws Exception {
        Path csv = dir.resolve("old.csv");
        java.nio.file.Files.writeString(
                csv,
                "task,method,AD,EPE,deltaAvg,OA,AJ,points,visible,missing,ms_per_point,"
                        + "passes_per_point\nt1,kltrace,1,2,80,90,70,10,9,0,400,49\n");

        CompareResult r = CompareTable.readCsv(csv).get(0);

        assertThat(r.passesPerPoint()).isEqualTo(49);
        assertThat(r.passEquivalentsPerPoint()).isNaN();
        assertThat(CompareTable.markdown(List.of(r))).contains("| 49 | n/a |");
    }

    @Test
    void rejectsAMalformedRowNamingTheFile() throws Exception {
        Path csv = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(
                csv,
                String.join(",", CompareTable.HEADER) + "\nt1,kltrace,x,1,1,1,1,1,1,0,1,0,0\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompareTable.readCsv(csv))
                .hasMessageContaining("bad.csv:2")
                .hasMessageContaining("\"x\"");
    }
}
