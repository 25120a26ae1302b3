package io.flowtrace.inference.grpc;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.RgbImage;
import java.time.Duration;

/** Crop pairs and client configurations shared by the gRPC client tests. */
public final class ProbeFixtures {

    private ProbeFixtures() {}

    /** A pair of distinct crops with {@code points} points starting at (x, 10) and 5 seeds. */
    public static ProbePair pair(float x, int points) {
        float[] xy = new float[points * 2];
        for (int i = 0; i < points; i++) {
            xy[2 * i] = x + i;
            xy[2 * i + 1] = 10;
        }
        return new ProbePair(crop(1), crop(2), xy, new long[] {1110, 1111, 1112, 1113, 1114});
    }

    /** A crop whose bytes depend on {@code seed}. */
    public static RgbImage crop(int seed) {
        int n = ModelTensors.CROP_SIZE;
        byte[] rgb = new byte[n * n * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 31 + seed * 7);
        }
        return new RgbImage(n, n, rgb);
    }

    /** A quick-failing configuration: short deadline and backoff, 3 attempts. */
    public static GrpcClientConfig.Builder fast(GrpcTarget target) {
        return GrpcClientConfig.builder(target)
                .deadline(Duration.ofSeconds(10))
                .retries(3, Duration.ofMillis(1), Duration.ofMillis(5));
    }
}
