package io.flowtrace.task;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.frames.FrameSequence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskValidationTest {

    private static final Path FILE = Path.of("task/queries.csv");
    private static final FrameSequence TWO_FRAMES_64_BY_48 = new FakeFrames(2, 64, 48);

    @Test
    void acceptsQueriesOnTheFrameBorder() {
        List<Query> queries = List.of(new Query(0, 0, -0.5, -0.5), new Query(1, 1, 63.5, 47.5));

        assertThatCode(() -> TaskValidation.checkQueries(queries, TWO_FRAMES_64_BY_48, FILE))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsQueryFrameBeyondTheClip() {
        List<Query> queries = List.of(new Query(0, 0, 1, 1), new Query(8, 2, 1, 1));

        assertThatThrownBy(() -> TaskValidation.checkQueries(queries, TWO_FRAMES_64_BY_48, FILE))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(FILE + ":3: query 8: t=2 is not a frame of the clip (frames 0..1)");
    }

    @Test
    void rejectsXRightOfTheFrame() {
        List<Query> queries = List.of(new Query(5, 0, 63.6, 1));

        assertThatThrownBy(() -> TaskValidation.checkQueries(queries, TWO_FRAMES_64_BY_48, FILE))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(FILE + ":2: query 5: x=63.6 is outside the frame [-0.5, 63.5]");
    }

    @Test
    void rejectsYAboveTheFrame() {
        List<Query> queries =
                List.of(new Query(0, 0, 1, 1), new Query(1, 0, 1, 1), new Query(2, 1, 3, -0.51));

        assertThatThrownBy(() -> TaskValidation.checkQueries(queries, TWO_FRAMES_64_BY_48, FILE))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(FILE + ":4: query 2: y=-0.51 is outside the frame [-0.5, 47.5]");
    }
}
