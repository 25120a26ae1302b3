package io.flowtrace.tracer.internal;

import io.flowtrace.inference.ModelTensors;

/**
 * A rectangle of an image that is resized to the model's square crop.
 *
 * <p>Coordinates are continuous with integer values at pixel centres, so an image of width W spans
 * [-0.5, W - 0.5]. The window's left edge is {@code left}, its top edge {@code top}; it is {@code
 * width x height} image pixels and maps onto {@code size x size} crop pixels.
 */
public record CropWindow(double left, double top, double width, double height, int size) {

    public CropWindow {
        if (!(width > 0) || !(height > 0) || size <= 0) {
            throw new IllegalArgumentException(
                    "crop window must have a positive size, was " + width + "x" + height);
        }
    }

    /** The whole image squished (resized without keeping the aspect ratio) to the crop. */
    public static CropWindow squish(int imageWidth, int imageHeight) {
        return new CropWindow(-0.5, -0.5, imageWidth, imageHeight, ModelTensors.CROP_SIZE);
    }

    /**
     * A square of side {@code side} centred on (cx, cy), shifted (not shrunk) to stay inside the
     * image; {@code side} is capped at the image's shorter side.
     */
    public static CropWindow centredSquare(
            double cx, double cy, double side, int imageWidth, int imageHeight) {
        double s = Math.min(side, Math.min(imageWidth, imageHeight));
        double left = clamp(cx - s / 2, -0.5, imageWidth - 0.5 - s);
        double top = clamp(cy - s / 2, -0.5, imageHeight - 0.5 - s);
        return new CropWindow(left, top, s, s, ModelTensors.CROP_SIZE);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Image pixels per crop pixel along x. */
    public double scaleX() {
        return width / size;
    }

    /** Image pixels per crop pixel along y. */
    public double scaleY() {
        return height / size;
    }

    /** Image x to crop x. */
    public double toCropX(double x) {
        return (x - left) / scaleX() - 0.5;
    }

    /** Image y to crop y. */
    public double toCropY(double y) {
        return (y - top) / scaleY() - 0.5;
    }

    /** Crop x to image x. */
    public double toImageX(double u) {
        return (u + 0.5) * scaleX() + left;
    }

    /** Crop y to image y. */
    public double toImageY(double v) {
        return (v + 0.5) * scaleY() + top;
    }
}
