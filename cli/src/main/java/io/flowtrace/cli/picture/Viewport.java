package io.flowtrace.cli.picture;

import io.flowtrace.tracer.Point;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;

/**
 * Places a window of a frame on a picture: image point (x, y) lands at picture point {@code
 * (originX + (x - x0) * scaleX, originY + (y - y0) * scaleY)}, in Java2D coordinates (pixel (i, j)
 * of the picture covers [i, i + 1] x [j, j + 1]).
 */
record Viewport(
        double x0, double y0, double scaleX, double scaleY, double originX, double originY) {

    /** {@code window} stretched over the picture rectangle at (left, top) of {@code w x h}. */
    static Viewport fit(FrameWindow window, double left, double top, int w, int h) {
        return new Viewport(
                window.x0(), window.y0(), w / window.width(), h / window.height(), left, top);
    }

    /** A whole {@code width x height} frame magnified by {@code scale}, at (left, top). */
    static Viewport wholeFrame(int width, int height, double scale, double left, double top) {
        return fit(
                FrameWindow.whole(width, height),
                left,
                top,
                (int) Math.round(width * scale),
                (int) Math.round(height * scale));
    }

    double x(double imageX) {
        return originX + (imageX - x0) * scaleX;
    }

    double y(double imageY) {
        return originY + (imageY - y0) * scaleY;
    }

    /** Where image point {@code p} lands. */
    Point2D at(Point p) {
        return new Point2D.Double(x(p.x()), y(p.y()));
    }

    /**
     * The transform that draws a whole frame (a BufferedImage, whose pixel i spans [i, i + 1] in
     * its own space and is centred on image x = i) so that it lines up with this viewport.
     */
    AffineTransform imageTransform() {
        return new AffineTransform(
                scaleX, 0, 0, scaleY, originX - (x0 + 0.5) * scaleX, originY - (y0 + 0.5) * scaleY);
    }
}
