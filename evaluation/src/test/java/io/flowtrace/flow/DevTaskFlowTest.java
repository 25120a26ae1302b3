package io.flowtrace.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the reader against the shared datasets, beside the project in {@code ../shared/data}: the
 * dev tasks' ground truth is each query plus the ground-truth flow at its pixel. Skipped when the
 * data are absent.
 */
class DevTaskFlowTest {

    /** Tests run in the module directory; the project root is its parent. */
    private static final Path DATA = Path.of("..", "..", "shared", "data");

    @Test
    void sintelMarketGroundTruthIsQueryPlusFlow() {
        checkTask("sintel-clean-market_5", "sintel/flow/market_5/frame_0002.flo", 1024, 436);
    }

    @Test
    void middleburyUrbanGroundTruthIsQueryPlusFlow() {
        checkTask("middlebury-urban2", "middlebury-urban2/flow10.flo", 640, 480);
    }

    private static void checkTask(String task, String floFile, int width, int height) {
        Path flo = DATA.resolve(floFile);
        Path dir = DATA.resolve("tasks/dev").resolve(task);
        assumeTrue(Files.isRegularFile(flo) && Files.isDirectory(dir), "no shared data at " + DATA);

        FlowField flow = FloFile.read(flo);
        List<Query> queries = QueriesCsv.read(dir.resolve("queries.csv"));
        List<TrackPoint> truth = TracksCsv.read(dir.resolve("gt.csv"));

        assertThat(List.of(flow.width(), flow.height())).containsExactly(width, height);
        assertThat(queries).hasSize(400).hasSameSizeAs(truth);
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            TrackPoint gt = truth.get(i);
            int x = (int) q.x();
            int y = (int) q.y();
            assertThat(gt.id()).isEqualTo(q.id());
            assertThat(flow.known(x, y)).as("flow known at query %d", q.id()).isTrue();
            assertThat(gt.x()).as("x of %d", q.id()).isCloseTo(x + flow.u(x, y), within(1e-3));
            assertThat(gt.y()).as("y of %d", q.id()).isCloseTo(y + flow.v(x, y), within(1e-3));
        }
    }
}
