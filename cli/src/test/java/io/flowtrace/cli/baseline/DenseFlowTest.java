package io.flowtrace.cli.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DenseFlowTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;

    /** Away from the border, where neither method has to extrapolate. */
    private static final int MARGIN = 16;

    private static final ShiftedTexture TEXTURE = new ShiftedTexture(3);
    private static final RgbImage FIRST = TEXTURE.frame(WIDTH, HEIGHT, 0, 0);
    private static final RgbImage SHIFTED = TEXTURE.frame(WIDTH, HEIGHT, 3.5, -2);

    static DenseFlow method(String name) {
        return name.equals("dis") ? DenseFlow.dis() : DenseFlow.farneback();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback"})
    void flowHasTheFramesSizeAndNoUnknownPixel(String name) {
        FlowField flow = method(name).flow(FIRST, SHIFTED);

        assertThat(flow.width()).isEqualTo(WIDTH);
        assertThat(flow.height()).isEqualTo(HEIGHT);
        assertThat(IntStream.range(0, WIDTH * HEIGHT))
                .allMatch(i -> flow.known(i % WIDTH, i / WIDTH));
    }

    /**
     * Tolerances are about twice the largest error measured away from the border over 20 textures
     * (DIS 0.11 px, Farneback 0.36 px); near the border both extrapolate (errors up to 0.8 and 3.9
     * px).
     */
    @ParameterizedTest
    @CsvSource({"dis, 0.25", "farneback, 0.75"})
    void recoversAKnownSubPixelTranslationAwayFromTheBorder(String name, double tolerance) {
        FlowField flow = method(name).flow(FIRST, SHIFTED);

        double worst = 0;
        for (int y = MARGIN; y < HEIGHT - MARGIN; y++) {
            for (int x = MARGIN; x < WIDTH - MARGIN; x++) {
                worst = Math.max(worst, Math.hypot(flow.u(x, y) - 3.5, flow.v(x, y) + 2));
            }
        }
        assertThat(worst).isLessThan(tolerance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback"})
    void describesTheMethod(String name) {
        assertThat(method(name).describe()).containsIgnoringCase(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback"})
    void rejectsFramesOfDifferentSizes(String name) {
        RgbImage smaller = TEXTURE.frame(WIDTH, HEIGHT - 1, 0, 0);

        assertThatThrownBy(() -> method(name).flow(FIRST, smaller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("160x120")
                .hasMessageContaining("160x119");
    }
}
