package io.flowtrace.cli;

import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Small generated tasks for command tests. */
final class TestTasks {

    /** Settings that keep a tracking run to a fraction of a second per point. */
    static final String[] FAST = {"--zooms", "1", "--masks", "2"};

    private TestTasks() {}

    /** A 64x64 translation clip with {@code frames} frames and {@code queries} queries. */
    static SyntheticClip clip(int frames, int queries, long seed) {
        return SyntheticClip.generate(
                SceneSpec.builder()
                        .size(64, 64)
                        .frames(frames)
                        .layers(2)
                        .queries(queries)
                        .seed(seed)
                        .build());
    }

    /** Writes {@code clip} as a task in {@code dir}: frames/, queries.csv, gt.csv. */
    static Path write(SyntheticClip clip, Path dir) {
        clip.writeTask(dir);
        return dir;
    }

    /** Writes {@code queries} to {@code dir/name}. */
    static Path queries(Path dir, String name, List<Query> queries) {
        Path file = dir.resolve(name);
        QueriesCsv.write(file, queries);
        return file;
    }

    /** The (id, t) keys of {@code rows}, in order, as "id@t". */
    static List<String> keys(List<TrackPoint> rows) {
        return rows.stream().map(p -> p.id() + "@" + p.t()).toList();
    }

    /** {@code rows} sorted by id then t. */
    static List<TrackPoint> sorted(List<TrackPoint> rows) {
        return rows.stream()
                .sorted(Comparator.comparingInt(TrackPoint::id).thenComparingInt(TrackPoint::t))
                .toList();
    }
}
