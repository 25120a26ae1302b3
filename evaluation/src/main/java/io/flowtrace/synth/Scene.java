package io.flowtrace.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A background and layers stacked bottom to top. Surface index 0 is the background and index i >= 1
 * is layer i - 1; a higher index is nearer the camera.
 */
record Scene(Surface background, List<Surface> layers) {

    Scene {
        Objects.requireNonNull(background, "background");
        layers = List.copyOf(layers);
    }

    /** Number of surfaces, the background included. */
    int surfaceCount() {
        return layers.size() + 1;
    }

    Surface surface(int index) {
        return index == 0 ? background : layers.get(index - 1);
    }

    /** The scene posed at frame t, ready for point look-ups. */
    Frame at(int t) {
        List<Affine> poses = new ArrayList<>();
        List<Affine> inverses = new ArrayList<>();
        for (int i = 0; i < surfaceCount(); i++) {
            Affine pose = surface(i).motion().pose(t);
            poses.add(pose);
            inverses.add(pose.inverse());
        }
        return new Frame(poses, inverses);
    }

    /** The scene at one frame: where each surface is and which one is seen at a point. */
    final class Frame {
        private final Affine[] poses;
        private final Affine[] inverses;

        private Frame(List<Affine> poses, List<Affine> inverses) {
            this.poses = poses.toArray(Affine[]::new);
            this.inverses = inverses.toArray(Affine[]::new);
        }

        /** Index of the top-most surface covering image point (x, y). */
        int surfaceAt(double x, double y) {
            for (int i = inverses.length - 1; i > 0; i--) {
                Affine inverse = inverses[i];
                if (surface(i).covers(inverse.applyX(x, y), inverse.applyY(x, y))) {
                    return i;
                }
            }
            return 0;
        }

        /** Writes the colour of surface {@code index} at image point (x, y) into {@code rgb}. */
        void colour(int index, double x, double y, double[] rgb) {
            Affine inverse = inverses[index];
            surface(index).texture().sample(inverse.applyX(x, y), inverse.applyY(x, y), rgb);
        }

        /** The image-to-local map of surface {@code index}. */
        Affine inverse(int index) {
            return inverses[index];
        }

        /** The local-to-image map of surface {@code index}. */
        Affine pose(int index) {
            return poses[index];
        }
    }
}
