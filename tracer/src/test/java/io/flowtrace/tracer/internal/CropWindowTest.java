package io.flowtrace.tracer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CropWindowTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void imageToCropAndBackIsTheIdentity(long seed) {
        Random r = new Random(seed);
        int w = 64 + r.nextInt(2000);
        int h = 64 + r.nextInt(1200);
        CropWindow window =
                r.nextBoolean()
                        ? CropWindow.squish(w, h)
                        : CropWindow.centredSquare(
                                r.nextDouble() * w,
                                r.nextDouble() * h,
                                16 + r.nextDouble() * Math.min(w, h),
                                w,
                                h);
        double x = r.nextDouble() * w - 0.5;
        double y = r.nextDouble() * h - 0.5;

        assertThat(window.toImageX(window.toCropX(x))).isCloseTo(x, within(1e-9));
        assertThat(window.toImageY(window.toCropY(y))).isCloseTo(y, within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void centredSquareStaysInsideTheImageAndKeepsItsSide(long seed) {
        Random r = new Random(seed);
        int w = 64 + r.nextInt(1000);
        int h = 64 + r.nextInt(1000);
        double side = 8 + r.nextDouble() * 1.5 * Math.min(w, h);
        double cx = r.nextDouble() * w;
        double cy = r.nextDouble() * h;

        CropWindow c = CropWindow.centredSquare(cx, cy, side, w, h);

        double expectedSide = Math.min(side, Math.min(w, h));
        assertThat(c.width()).isCloseTo(expectedSide, within(1e-9));
        assertThat(c.height()).isCloseTo(expectedSide, within(1e-9));
        assertThat(c.left()).isGreaterThanOrEqualTo(-0.5 - 1e-9);
        assertThat(c.top()).isGreaterThanOrEqualTo(-0.5 - 1e-9);
        assertThat(c.left() + c.width()).isLessThanOrEqualTo(w - 0.5 + 1e-9);
        assertThat(c.top() + c.height()).isLessThanOrEqualTo(h - 0.5 + 1e-9);
    }

    @Test
    void centredSquareAwayFromBordersIsCentredOnThePoint() {
        CropWindow c = CropWindow.centredSquare(300, 200, 100, 640, 480);

        assertThat(c.toCropX(300)).isCloseTo(127.5, within(1e-9));
        assertThat(c.toCropY(200)).isCloseTo(127.5, within(1e-9));
    }

    @Test
    void squishMapsImageEdgesToCropEdges() {
        CropWindow s = CropWindow.squish(640, 480);

        assertThat(s.toCropX(-0.5)).isCloseTo(-0.5, within(1e-12));
        assertThat(s.toCropX(639.5)).isCloseTo(255.5, within(1e-12));
        assertThat(s.toCropY(479.5)).isCloseTo(255.5, within(1e-12));
        assertThat(s.scaleX()).isEqualTo(2.5);
        assertThat(s.scaleY()).isEqualTo(480.0 / 256);
    }

    @Test
    void squishOfACropSizedImageIsTheIdentity() {
        CropWindow s = CropWindow.squish(256, 256);

        assertThat(s.toCropX(17)).isCloseTo(17, within(1e-12));
        assertThat(s.toImageY(201.25)).isCloseTo(201.25, within(1e-12));
    }
}
