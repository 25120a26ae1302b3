package io.flowtrace.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleStepWindowTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    private static List<PointEstimate> trackTranslationClip() {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.translation(5).toBuilder()
                                .size(WIDTH, HEIGHT)
                                .queries(12)
                                .build());
        List<Point> queries = clip.queries().stream().map(ScaleStepWindowTest::point).toList();
        KlTracer tracer = new KlTracer(new MarkerModel(1f), TracerConfig.defaults().withMasks(2));
        return tracer.track(clip.frames().get(0), clip.frames().get(1), queries);
    }

    private static Point point(Query q) {
        return new Point(q.x(), q.y());
    }

    @Test
    void scaleZeroWindowCoversTheWholeFrame() {
        for (PointEstimate e : trackTranslationClip()) {
            ScaleStep first = e.steps().get(0);

            assertThat(first.x0()).isEqualTo(-0.5);
            assertThat(first.y0()).isEqualTo(-0.5);
            assertThat(first.width()).isEqualTo(WIDTH);
            assertThat(first.height()).isEqualTo(HEIGHT);
        }
    }

    @Test
    void everyScaleWindowContainsThatScalesEstimate() {
        for (PointEstimate e : trackTranslationClip()) {
            for (ScaleStep s : e.steps()) {
                assertThat(s.estimate().x())
                        .as("scale %d estimate %s", s.scale(), s.estimate())
                        .isBetween(s.x0(), s.x0() + s.width());
                assertThat(s.estimate().y())
                        .as("scale %d estimate %s", s.scale(), s.estimate())
                        .isBetween(s.y0(), s.y0() + s.height());
            }
        }
    }

    @Test
    void windowMapsTheCropEstimateToTheImageEstimate() {
        for (PointEstimate e : trackTranslationClip()) {
            for (ScaleStep s : e.steps()) {
                double perCropX = s.width() / ModelTensors.CROP_SIZE;
                double perCropY = s.height() / ModelTensors.CROP_SIZE;
                assertThat(s.x0() + (s.cropEstimate().x() + 0.5) * perCropX)
                        .isCloseTo(s.estimate().x(), within(1e-9));
                assertThat(s.y0() + (s.cropEstimate().y() + 0.5) * perCropY)
                        .isCloseTo(s.estimate().y(), within(1e-9));
            }
        }
    }

    @Test
    void windowsShrinkWithEachZoomAndStayInsideTheFrame() {
        for (PointEstimate e : trackTranslationClip()) {
            List<ScaleStep> steps = e.steps();
            assertThat(steps.get(1).width()).isEqualTo(Math.min(WIDTH, HEIGHT));
            for (int k = 1; k < steps.size(); k++) {
                ScaleStep s = steps.get(k);
                assertThat(s.width()).isEqualTo(s.height()).isEqualTo(s.cropSide());
                assertThat(s.width()).isLessThanOrEqualTo(steps.get(k - 1).width());
                if (k > 1) {
                    assertThat(s.width()).isLessThan(steps.get(k - 1).width());
                }
                assertThat(s.x0()).isBetween(-0.5, WIDTH - 0.5 - s.width());
                assertThat(s.y0()).isBetween(-0.5, HEIGHT - 0.5 - s.height());
            }
        }
    }
}
