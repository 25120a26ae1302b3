package io.flowtrace.cli.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TrackPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTracksTest {

    private static final Path PRED = Path.of("pred.csv");

    private static List<Query> queries(int n) {
        List<Query> queries = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            queries.add(new Query(id, 0, id, 2 * id));
        }
        return queries;
    }

    /** Each query moved 3 px right in frame 1. */
    private static List<TrackPoint> moved(int n, double dx) {
        List<TrackPoint> rows = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            rows.add(new TrackPoint(id, 1, id + dx, 2 * id, true));
        }
        return rows;
    }

    @Test
    void measuresTheErrorOverVisibleGroundTruth() {
        List<TrackPoint> truth = new ArrayList<>(moved(3, 3));
        truth.set(2, new TrackPoint(2, 1, 100, 100, false));

        TaskTracks tracks = TaskTracks.of(queries(3), moved(3, 4), truth, true, PRED, 2);

        assertThat(tracks.meanError()).isCloseTo(1.0, within(1e-12));
        assertThat(tracks.tracks().get(2).meanError()).isNaN();
    }

    @Test
    void picksAtMostTheAskedNumberTheSameWayForTheSameSeed() {
        TaskTracks all = TaskTracks.of(queries(50), moved(50, 1), List.of(), false, PRED, 2);

        TaskTracks picked = all.pick(10, 4);

        assertThat(picked.tracks()).hasSize(10);
        assertThat(picked.tracks()).extracting(Track::id).isSorted();
        assertThat(all.pick(10, 4).tracks()).isEqualTo(picked.tracks());
        assertThat(all.pick(10, 5).tracks()).isNotEqualTo(picked.tracks());
        assertThat(all.pick(80, 4)).isSameAs(all);
    }

    @Test
    void pathsStartAtTheQueryAndStopAtTheFrameAsked() {
        List<TrackPoint> pred =
                List.of(new TrackPoint(0, 2, 5, 5, true), new TrackPoint(0, 1, 3, 3, false));

        Track track = TaskTracks.of(queries(1), pred, List.of(), false, PRED, 3).tracks().get(0);

        assertThat(track.predictedPath(1)).extracting(TrackPoint::t).containsExactly(0, 1);
        assertThat(track.predictedPath(9)).extracting(TrackPoint::x).containsExactly(0.0, 3.0, 5.0);
        assertThat(track.truthPath(9)).isEmpty();
    }

    @Test
    void rejectsPredictionsForUnknownQueriesOrFrames() {
        List<TrackPoint> stranger = List.of(new TrackPoint(7, 1, 0, 0, true));
        List<TrackPoint> late = List.of(new TrackPoint(0, 5, 0, 0, true));

        assertThatThrownBy(() -> TaskTracks.of(queries(2), stranger, List.of(), false, PRED, 2))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("id 7");
        assertThatThrownBy(() -> TaskTracks.of(queries(2), late, List.of(), false, PRED, 2))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("t=5");
    }
}
