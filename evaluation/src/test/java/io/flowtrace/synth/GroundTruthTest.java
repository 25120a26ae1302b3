package io.flowtrace.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    private static final int BACKGROUND = 0;
    private static final int FIRST_LAYER = 1;

    @Test
    void backgroundPointIsHiddenWhileTheSquarePassesOverIt() {
        GroundTruth truth = new GroundTruth(TestScenes.slidingSquare(), 64, 64, 8);

        List<TrackPoint> track = truth.track(0, BACKGROUND, 0, 41, 32);

        assertThat(track).extracting(TrackPoint::t).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(track)
                .extracting(TrackPoint::visible)
                .containsExactly(true, true, false, false, false, true, true);
        assertThat(track).allSatisfy(p -> assertThat(p.x()).isEqualTo(41.0));
    }

    @Test
    void pointLeavingTheViewIsInvisibleAndStillPlaced() {
        GroundTruth truth = new GroundTruth(TestScenes.slidingSquare(), 64, 64, 8);

        List<TrackPoint> track = truth.track(3, FIRST_LAYER, 0, 10, 32);

        assertThat(track.get(5)).isEqualTo(new TrackPoint(3, 6, 58, 32, true));
        assertThat(track.get(6)).isEqualTo(new TrackPoint(3, 7, 66, 32, false));
    }

    @Test
    void tracksFromAQueryFrameOtherThanTheFirst() {
        GroundTruth truth = new GroundTruth(TestScenes.slidingSquare(), 64, 64, 3);

        List<TrackPoint> track = truth.track(1, FIRST_LAYER, 2, 26, 30);

        assertThat(track)
                .containsExactly(
                        new TrackPoint(1, 0, 10, 30, true), new TrackPoint(1, 1, 18, 30, true));
    }

    @Test
    void followsRotation() {
        GroundTruth truth = new GroundTruth(TestScenes.turningDisc(), 64, 64, 3);

        List<TrackPoint> track = truth.track(0, FIRST_LAYER, 0, 42, 32);

        assertThat(track.get(0).x()).isCloseTo(32, within(1e-9));
        assertThat(track.get(0).y()).isCloseTo(42, within(1e-9));
        assertThat(track.get(1).x()).isCloseTo(22, within(1e-9));
        assertThat(track.get(1).y()).isCloseTo(32, within(1e-9));
    }

    @Test
    void integerDisplacementMovesRenderedNeighbourhoodExactly() {
        Scene scene = TestScenes.integerMotion();
        SceneSpec spec = SceneSpec.builder().size(64, 64).queries(200).seed(9).build();
        SyntheticClip clip = ClipBuilder.build(spec, scene);
        Scene.Frame first = scene.at(0);
        Scene.Frame second = scene.at(1);
        int checked = 0;

        for (Query q : clip.queries()) {
            TrackPoint gt = clip.groundTruth().get(q.id());
            int surface = first.surfaceAt(q.x(), q.y());
            double[] v = surfaceVelocity(scene, surface);
            assertThat(gt.x()).isCloseTo(q.x() + v[0], within(1e-9));
            assertThat(gt.y()).isCloseTo(q.y() + v[1], within(1e-9));
            if (gt.visible()
                    && farFromOutlines(first, q.x(), q.y(), surface)
                    && farFromOutlines(second, gt.x(), gt.y(), surface)
                    && inside(q.x(), q.y(), 64, 3)
                    && inside(gt.x(), gt.y(), 64, 3)) {
                assertSameNeighbourhood(
                        clip.frames().get(0),
                        (int) q.x(),
                        (int) q.y(),
                        clip.frames().get(1),
                        (int) Math.round(gt.x()),
                        (int) Math.round(gt.y()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    private static double[] surfaceVelocity(Scene scene, int surface) {
        Motion motion = scene.surface(surface).motion();
        return new double[] {motion.vx(), motion.vy()};
    }

    /** True when one surface covers the 7x7 pixels around (x, y), sub-pixel corners included. */
    static boolean farFromOutlines(Scene.Frame frame, double x, double y, int surface) {
        for (double dy = -3.5; dy <= 3.5; dy += 0.5) {
            for (double dx = -3.5; dx <= 3.5; dx += 0.5) {
                if (frame.surfaceAt(x + dx, y + dy) != surface) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when (x, y) is at least {@code margin} pixels inside a square frame. */
    static boolean inside(double x, double y, int size, int margin) {
        return x >= margin && y >= margin && x <= size - 1 - margin && y <= size - 1 - margin;
    }

    /** The 5x5 pixels around (ax, ay) in a equal those around (bx, by) in b, up to rounding. */
    static void assertSameNeighbourhood(RgbImage a, int ax, int ay, RgbImage b, int bx, int by) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(b.get(bx + dx, by + dy, c))
                            .as("channel %d at offset (%d, %d) of (%d, %d)", c, dx, dy, ax, ay)
                            .isCloseTo(a.get(ax + dx, ay + dy, c), within(1));
                }
            }
        }
    }
}
