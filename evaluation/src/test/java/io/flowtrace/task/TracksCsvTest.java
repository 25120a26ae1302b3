package io.flowtrace.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TracksCsvTest {

    @TempDir Path dir;

    @Test
    void readsTrackPoints() {
        Path file =
                TaskFiles.write(
                        dir, "gt.csv", "id,t,x,y,visible", "0,1,395.915,243.662,1", "1,1,-3,700,0");

        assertThat(TracksCsv.read(file))
                .containsExactly(
                        new TrackPoint(0, 1, 395.915, 243.662, true),
                        new TrackPoint(1, 1, -3.0, 700.0, false));
    }

    @Test
    void writesThreeDecimalsInRootLocale() throws Exception {
        Path file = dir.resolve("pred.csv");

        TracksCsv.write(
                file,
                List.of(
                        new TrackPoint(0, 1, 1.23456, -0.0001, true),
                        new TrackPoint(1, 1, 1000.5, 2.0, false)));

        assertThat(Files.readString(file))
                .isEqualTo("id,t,x,y,visible\n0,1,1.235,0.000,1\n1,1,1000.500,2.000,0\n");
    }

    @Test
    void readsWhatItWrites() {
        Path file = dir.resolve("nested/dir/pred.csv");
        List<TrackPoint> points =
                List.of(new TrackPoint(2, 3, 4.5, 5.25, true), new TrackPoint(2, 4, -9, 0, false));

        TracksCsv.write(file, points);

        assertThat(TracksCsv.read(file)).isEqualTo(points);
    }

    @Test
    void replacesAnExistingFile() {
        Path file = dir.resolve("pred.csv");
        TracksCsv.write(file, List.of(new TrackPoint(0, 1, 1, 1, true)));

        TracksCsv.write(file, List.of(new TrackPoint(5, 1, 2, 2, false)));

        assertThat(TracksCsv.read(file)).containsExactly(new TrackPoint(5, 1, 2, 2, false));
    }

    @Test
    void leavesPreviousFileUntouchedWhenWritingFails() throws Exception {
        Path file = dir.resolve("pred.csv");
        List<TrackPoint> before = List.of(new TrackPoint(0, 1, 1, 1, true));
        TracksCsv.write(file, before);

        assertThatThrownBy(() -> TracksCsv.write(file, new FailingList(1000)))
                .hasMessageContaining("boom");

        assertThat(TracksCsv.read(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("pred.csv");
    }

    @Test
    void leavesNoTemporaryFileWhenTargetCannotBeReplaced() throws Exception {
        Path target = Files.createDirectories(dir.resolve("pred.csv"));
        Files.writeString(target.resolve("keep"), "x");

        assertThatThrownBy(() -> TracksCsv.write(target, List.of(new TrackPoint(0, 1, 1, 1, true))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(target.toString());

        assertThat(filesIn(dir)).containsExactly("pred.csv");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "visible is 2       | 0,2,1,1,2     | visible must be 0 or 1, was '2'",
                "visible is true    | 0,2,1,1,true  | visible must be 0 or 1, was 'true'",
                "too few columns    | 0,2,1,1       | expected 5 columns (id,t,x,y,visible), found 4",
                "x is inf           | 0,2,inf,1,1   | x must be a finite number, was 'inf'",
                "y not a number     | 0,2,1,,1      | y is not a number: ''",
                "t negative         | 0,-2,1,1,1    | t must be >= 0, was -2",
                "repeated id and t  | 0,1,5,5,1     | duplicate row for id 0, t 1 (first on line 2)",
            })
    void rejectsBadRowNamingFileLineAndValue(String name, String row, String problem) {
        Path file = TaskFiles.write(dir, "gt.csv", "id,t,x,y,visible", "0,1,1,1,1", row);

        assertThatThrownBy(() -> TracksCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":3: " + problem);
    }

    @Test
    void rejectsQueriesHeader() {
        Path file = TaskFiles.write(dir, "gt.csv", "id,t,x,y", "0,1,1,1");

        assertThatThrownBy(() -> TracksCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":1: wrong header 'id,t,x,y', expected 'id,t,x,y,visible'");
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** A list whose elements fail to be read halfway through. */
    private static final class FailingList extends AbstractList<TrackPoint> {
        private final int size;

        FailingList(int size) {
            this.size = size;
        }

        @Override
        public TrackPoint get(int index) {
            if (index == size / 2) {
                throw new IllegalStateException("boom");
            }
            return new TrackPoint(index, 1, index, index, true);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
