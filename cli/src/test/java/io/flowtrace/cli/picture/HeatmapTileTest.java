package io.flowtrace.cli.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.ScaleStep;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeatmapTileTest {

    private static final int GREY = 128;

    /** A 64x48 frame of one grey level. */
    private static BufferedImage greyFrame() {
        byte[] rgb = new byte[64 * 48 * 3];
        Arrays.fill(rgb, (byte) GREY);
        return Backdrop.grey(new RgbImage(64, 48, rgb), 1.0);
    }

    /** A 4x4 map that is 0 except cell (col, row), which is 1. */
    private static float[] oneHotCell(int col, int row) {
        float[] map = new float[16];
        map[row * 4 + col] = 1f;
        return map;
    }

    /** The grey level blended with the heat colour of {@code v} at its opacity. */
    private static Color expected(double v) {
        double alpha = HeatmapTile.MIN_ALPHA + (HeatmapTile.MAX_ALPHA - HeatmapTile.MIN_ALPHA) * v;
        Color heat = ColourMap.HEAT.colour(v);
        return new Color(
                (int) Math.round(GREY * (1 - alpha) + heat.getRed() * alpha),
                (int) Math.round(GREY * (1 - alpha) + heat.getGreen() * alpha),
                (int) Math.round(GREY * (1 - alpha) + heat.getBlue() * alpha));
    }

    private static double distance(int rgb, Color c) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed())
                + Math.abs(p.getGreen() - c.getGreen())
                + Math.abs(p.getBlue() - c.getBlue());
    }

    @Test
    void hottestCellLandsOnItsBlockOfThePicture() {
        KlMap map = new KlMap(oneHotCell(2, 1), 4, FrameWindow.whole(64, 48));

        BufferedImage tile = HeatmapTile.render(greyFrame(), map, HeatScale.LINEAR, 256, 192);

        // cell (2, 1) of a 4x4 map over 256x192 is x in [128, 192), y in [48, 96)
        for (int[] inside : new int[][] {{128, 48}, {160, 72}, {191, 95}}) {
            assertThat(distance(tile.getRGB(inside[0], inside[1]), expected(1)))
                    .as("hot pixel %s", Arrays.toString(inside))
                    .isLessThanOrEqualTo(3);
        }
        for (int[] outside : new int[][] {{127, 72}, {192, 72}, {160, 47}, {160, 96}, {5, 5}}) {
            assertThat(distance(tile.getRGB(outside[0], outside[1]), expected(0)))
                    .as("cold pixel %s", Arrays.toString(outside))
                    .isLessThanOrEqualTo(3);
        }
    }

    @Test
    void drawsTheFrameWindowTheMapCovers() {
        // a white column at x = 40 of a black 64x48 frame, seen through a 16x16 window from 32
        byte[] rgb = new byte[64 * 48 * 3];
        for (int y = 0; y < 48; y++) {
            Arrays.fill(rgb, (y * 64 + 40) * 3, (y * 64 + 41) * 3, (byte) 255);
        }
        BufferedImage frame = Backdrop.grey(new RgbImage(64, 48, rgb), 1.0);
        KlMap map = new KlMap(new float[16], 4, new FrameWindow(31.5, 10.5, 16, 16));

        BufferedImage tile = HeatmapTile.render(frame, map, HeatScale.LINEAR, 160, 160);

        // pixel 40 spans [39.5, 40.5] of the frame: tile x in [80, 90)
        int white = new Color(tile.getRGB(85, 80)).getRed();
        assertThat(white).isGreaterThan(120);
        assertThat(new Color(tile.getRGB(70, 80)).getRed()).isLessThan(10);
        assertThat(new Color(tile.getRGB(100, 80)).getRed()).isLessThan(10);
    }

    /** A query traced in one scale whose 4x4 map of zeros covers {@code w x h} from -0.5. */
    private static QueryCase traced(Point estimate, double w, double h, TrackPoint truth) {
        ScaleStep step =
                new ScaleStep(
                        0, w, new float[16], 4, 0, estimate, new Point(0, 0), -0.5, -0.5, w, h);
        return new QueryCase(
                new Query(3, 0, 1, 1),
                1,
                new PointEstimate(estimate, true, 0, 1, 0, List.of(step), 0),
                Optional.ofNullable(truth));
    }

    @Test
    void scalePictureMarksTheEstimateAndTheGroundTruthWhereTheyAre() {
        QueryCase c = traced(new Point(20, 30), 64, 48, new TrackPoint(3, 1, 40, 10, true));

        BufferedImage picture = new ScalePictures(greyFrame(), c, HeatScale.LOG).scale(0, 256);

        // 4 picture pixels per image pixel: the estimate lands at (82, 122), the truth at (162, 42)
        assertThat(picture.getWidth()).isEqualTo(256);
        assertThat(picture.getHeight()).isGreaterThan(192);
        assertThat(distance(picture.getRGB(82 + 7, 121), Marks.ESTIMATE)).isLessThan(30);
        assertThat(distance(picture.getRGB(82, 122 - 7), Marks.ESTIMATE)).isLessThan(30);
        assertThat(distance(picture.getRGB(169, 41), Marks.TRUTH)).isLessThan(30);
        assertThat(distance(picture.getRGB(161, 41 - 8), Marks.TRUTH)).isLessThan(30);
        // the cross is open in the middle, so the map cell under it stays visible
        assertThat(distance(picture.getRGB(81, 121), Marks.ESTIMATE)).isGreaterThan(100);
    }

    @Test
    void tallWindowsKeepTheirAspectWithTheLongerSideAsAsked() {
        QueryCase c = traced(new Point(10, 10), 32, 64, null);

        BufferedImage picture = new ScalePictures(greyFrame(), c, HeatScale.LOG).scale(0, 300);

        assertThat(picture.getWidth()).isEqualTo(150);
        assertThat(picture.getHeight()).isGreaterThan(300);
    }
}
