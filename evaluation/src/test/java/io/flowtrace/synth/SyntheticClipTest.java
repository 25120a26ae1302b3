package io.flowtrace.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskValidation;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticClipTest {

    private static final SceneSpec SMALL_AFFINE =
            SceneSpec.builder().size(96, 80).frames(4).motion(MotionKind.AFFINE).seed(11).build();

    /** Small and fast, so points are hidden by layers and leave the view within a few frames. */
    private static final SceneSpec FAST_AND_CROWDED =
            SceneSpec.builder().size(64, 64).frames(12).layers(3).maxSpeed(12).seed(5).build();

    @TempDir Path dir;

    @Test
    void sameSeedGivesIdenticalClip() {
        SyntheticClip first = SyntheticClip.generate(SMALL_AFFINE);
        SyntheticClip second = SyntheticClip.generate(SMALL_AFFINE);

        assertThat(second.frames()).isEqualTo(first.frames());
        assertThat(second.queries()).isEqualTo(first.queries());
        assertThat(second.groundTruth()).isEqualTo(first.groundTruth());
    }

    @Test
    void differentSeedGivesDifferentClip() {
        SyntheticClip first = SyntheticClip.generate(SMALL_AFFINE);
        SyntheticClip other = SyntheticClip.generate(SMALL_AFFINE.toBuilder().seed(12).build());

        assertThat(other.frames().get(0)).isNotEqualTo(first.frames().get(0));
    }

    @Test
    void hasDistinctPixelCentreQueriesOnFrameZeroAndOneRowPerOtherFrame() {
        SyntheticClip clip = SyntheticClip.generate(SMALL_AFFINE);

        assertThat(clip.frames()).hasSize(4).allSatisfy(f -> assertThat(f.width()).isEqualTo(96));
        assertThat(clip.queries()).hasSize(64);
        Set<List<Double>> pixels = new HashSet<>();
        for (Query q : clip.queries()) {
            assertThat(q.t()).isZero();
            assertThat(q.x()).isBetween(0.0, 95.0).isEqualTo(Math.rint(q.x()));
            assertThat(q.y()).isBetween(0.0, 79.0).isEqualTo(Math.rint(q.y()));
            assertThat(pixels.add(List.of(q.x(), q.y()))).as("distinct pixel").isTrue();
        }
        assertThat(clip.groundTruth()).hasSize(64 * 3);
        assertThat(clip.groundTruth().subList(0, 3))
                .extracting(TrackPoint::id, TrackPoint::t)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(0, 1),
                        org.assertj.core.api.Assertions.tuple(0, 2),
                        org.assertj.core.api.Assertions.tuple(0, 3));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void translationPresetMixesMotionsAndHasOccludedPoints(long seed) {
        SyntheticClip clip = SyntheticClip.generate(SceneSpec.translation(seed));

        Set<List<Long>> displacements = new HashSet<>();
        for (TrackPoint p : clip.groundTruth()) {
            Query q = clip.queries().get(p.id());
            double dx = p.x() - q.x();
            double dy = p.y() - q.y();
            assertThat(Math.hypot(dx, dy)).isLessThanOrEqualTo(6.0 + 1e-9);
            displacements.add(List.of(Math.round(dx * 100), Math.round(dy * 100)));
        }
        assertThat(displacements).hasSizeGreaterThanOrEqualTo(3);
        assertThat(clip.groundTruth())
                .anyMatch(p -> !p.visible() && inView(p, 256))
                .anyMatch(TrackPoint::visible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRANSLATION", "AFFINE"})
    void groundTruthPointShowsTheQueryPixelsColour(MotionKind motion) {
        SceneSpec spec = SceneSpec.builder().motion(motion).frames(3).queries(128).seed(21).build();
        SyntheticClip clip = SyntheticClip.generate(spec);
        Scene scene = SceneFactory.create(spec);
        Scene.Frame first = scene.at(0);
        double[] colour = new double[3];
        int checked = 0;

        for (TrackPoint p : clip.groundTruth()) {
            Query q = clip.queries().get(p.id());
            int surface = first.surfaceAt(q.x(), q.y());
            Scene.Frame target = scene.at(p.t());
            if (p.visible() && GroundTruthTest.farFromOutlines(target, p.x(), p.y(), surface)) {
                target.colour(surface, p.x(), p.y(), colour);
                RgbImage frame0 = clip.frames().get(0);
                for (int c = 0; c < 3; c++) {
                    assertThat(colour[c])
                            .isCloseTo(frame0.get((int) q.x(), (int) q.y(), c), within(0.5 + 1e-6));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void pointsGetHiddenByLayersAndLeaveTheView() {
        SyntheticClip clip = SyntheticClip.generate(FAST_AND_CROWDED);

        List<TrackPoint> hidden = clip.groundTruth().stream().filter(p -> !p.visible()).toList();

        assertThat(hidden).anyMatch(p -> inView(p, 64)).anyMatch(p -> !inView(p, 64));
        assertThat(clip.groundTruth())
                .filteredOn(p -> !inView(p, 64))
                .noneMatch(TrackPoint::visible);
    }

    @Test
    void writtenTaskReadsBack() {
        SyntheticClip clip = SyntheticClip.generate(SMALL_AFFINE);

        clip.writeTask(dir);

        assertThat(QueriesCsv.read(dir.resolve("queries.csv"))).isEqualTo(clip.queries());
        List<TrackPoint> gt = TracksCsv.read(dir.resolve("gt.csv"));
        assertThat(gt).hasSameSizeAs(clip.groundTruth());
        for (int i = 0; i < gt.size(); i++) {
            TrackPoint read = gt.get(i);
            TrackPoint written = clip.groundTruth().get(i);
            assertThat(read.x()).isCloseTo(written.x(), within(5e-4));
            assertThat(read.y()).isCloseTo(written.y(), within(5e-4));
            assertThat(List.of(read.id(), read.t(), read.visible()))
                    .isEqualTo(List.of(written.id(), written.t(), written.visible()));
        }
        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir.resolve("frames"))) {
            assertThat(frames.describe(3)).isEqualTo("003.png");
            for (int t = 0; t < frames.size(); t++) {
                assertThat(frames.frame(t)).isEqualTo(clip.frames().get(t));
            }
            TaskValidation.checkQueries(clip.queries(), frames, dir.resolve("queries.csv"));
        }
    }

    @Test
    void refusesToWriteIntoAnExistingFramesDirectory() throws Exception {
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("frames/old.png"), "x");
        SyntheticClip clip = SyntheticClip.generate(SMALL_AFFINE);

        assertThatThrownBy(() -> clip.writeTask(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("frames").toString());
    }

    private static boolean inView(TrackPoint p, int size) {
        return p.x() >= -0.5 && p.y() >= -0.5 && p.x() <= size - 0.5 && p.y() <= size - 0.5;
    }
}
