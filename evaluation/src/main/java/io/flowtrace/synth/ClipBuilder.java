package io.flowtrace.synth;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Renders a scene's frames and samples its queries and their exact tracks. */
final class ClipBuilder {

    /** Keeps query sampling independent of how many random numbers the scene drawing used. */
    private static final long QUERY_SEED_SALT = 0x5DEECE66DL;

    private ClipBuilder() {}

    /**
     * The clip of {@code scene} with the size, frame count, query count and seed of {@code spec}.
     */
    static SyntheticClip build(SceneSpec spec, Scene scene) {
        SceneRenderer renderer = new SceneRenderer(spec.width(), spec.height());
        int[] surfaces = new int[spec.width() * spec.height()];
        List<RgbImage> frames = new ArrayList<>(spec.frames());
        for (int t = 0; t < spec.frames(); t++) {
            frames.add(renderer.render(scene, t, t == 0 ? surfaces : null));
        }
        GroundTruth truth = new GroundTruth(scene, spec.width(), spec.height(), spec.frames());
        List<QuerySampler.Pick> picks =
                QuerySampler.pick(
                        spec.queries(),
                        spec.width(),
                        surfaces,
                        truth,
                        scene.surfaceCount(),
                        new Random(spec.seed() ^ QUERY_SEED_SALT));
        List<Query> queries = new ArrayList<>(picks.size());
        List<TrackPoint> groundTruth = new ArrayList<>(picks.size() * (spec.frames() - 1));
        for (int id = 0; id < picks.size(); id++) {
            QuerySampler.Pick pick = picks.get(id);
            queries.add(new Query(id, 0, pick.x(), pick.y()));
            groundTruth.addAll(truth.track(id, pick.surface(), 0, pick.x(), pick.y()));
        }
        return new SyntheticClip(frames, queries, groundTruth, spec);
    }
}
