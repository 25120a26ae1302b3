package io.flowtrace.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueriesCsvTest {

    @TempDir Path dir;

    @Test
    void readsQueriesInFileOrder() {
        Path file =
                TaskFiles.write(
                        dir, "queries.csv", "id,t,x,y", "7,0,396.000,235.5", "3,1,-0.5,2e1");

        assertThat(QueriesCsv.read(file))
                .containsExactly(new Query(7, 0, 396.0, 235.5), new Query(3, 1, -0.5, 20.0));
    }

    @Test
    void skipsBlankLinesAndToleratesSpacesAndByteOrderMark() {
        Path file = TaskFiles.write(dir, "queries.csv", "\uFEFFid,t,x,y", "", "0, 0, 1.5, 2", "");

        assertThat(QueriesCsv.read(file)).containsExactly(new Query(0, 0, 1.5, 2.0));
    }

    @Test
    void readsWhatItWrites() {
        Path file = dir.resolve("out/queries.csv");
        List<Query> queries = List.of(new Query(0, 0, 1.25, 2.0), new Query(1, 2, 3.0, -0.5));

        QueriesCsv.write(file, queries);

        assertThat(QueriesCsv.read(file)).isEqualTo(queries);
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("queries.csv");

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("file not found");
    }

    @Test
    void rejectsEmptyFileAsMissingHeader() throws Exception {
        Path file = Files.writeString(dir.resolve("queries.csv"), "");

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":1: missing header, expected 'id,t,x,y'");
    }

    @Test
    void rejectsWrongHeader() {
        Path file = TaskFiles.write(dir, "queries.csv", "0,0,1,2");

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":1: wrong header '0,0,1,2', expected 'id,t,x,y'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "too few columns    | 0,0,1         | expected 4 columns (id,t,x,y), found 3",
                "too many columns   | 0,0,1,2,1     | expected 4 columns (id,t,x,y), found 5",
                "x not a number     | 0,0,abc,2     | x is not a number: 'abc'",
                "y with a suffix    | 0,0,1,2d      | y is not a number: '2d'",
                "x is NaN           | 0,0,NaN,2     | x must be a finite number, was 'NaN'",
                "y is infinite      | 0,0,1,-Infinity | y must be a finite number, was '-Infinity'",
                "y overflows        | 0,0,1,1e999   | y must be a finite number, was '1e999'",
                "t negative         | 0,-1,1,2      | t must be >= 0, was -1",
                "t not an integer   | 0,1.0,1,2     | t is not an integer: '1.0'",
                "id not an integer  | a,0,1,2       | id is not an integer: 'a'",
            })
    void rejectsBadRowNamingFileLineAndValue(String name, String row, String problem) {
        Path file = TaskFiles.write(dir, "queries.csv", "id,t,x,y", "9,0,1,2", row);

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":3: " + problem)
                .satisfies(
                        e -> {
                            assertThat(((TaskFormatException) e).file()).isEqualTo(file);
                            assertThat(((TaskFormatException) e).line()).isEqualTo(3);
                        });
    }

    @Test
    void rejectsDuplicateQueryId() {
        Path file =
                TaskFiles.write(dir, "queries.csv", "id,t,x,y", "4,0,1,2", "5,0,1,2", "4,0,3,3");

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(file + ":4: duplicate query id 4 (first on line 2)");
    }

    @Test
    void countsBlankLinesInLineNumbers() {
        Path file = TaskFiles.write(dir, "queries.csv", "id,t,x,y", "", "0,0,x,2");

        assertThatThrownBy(() -> QueriesCsv.read(file)).hasMessageStartingWith(file + ":3: ");
    }

    @Test
    void rejectsMalformedQuoting() {
        Path file = TaskFiles.write(dir, "queries.csv", "id,t,x,y", "0,0,\"1,2");

        assertThatThrownBy(() -> QueriesCsv.read(file))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("malformed CSV");
    }
}
