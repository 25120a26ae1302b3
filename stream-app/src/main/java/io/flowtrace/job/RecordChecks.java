package io.flowtrace.job;

import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.TrackQuery;

/** What makes a decoded frame or query unusable; {@code null} when it is fine. */
public final class RecordChecks {

    private RecordChecks() {}

    /**
     * A frame needs a camera, a positive size and pixels; RGB24 exactly width x height x 3 bytes.
     */
    public static String frameProblem(Frame f) {
        if (f.getCameraId() == null || f.getCameraId().isBlank()) {
            return "frame " + f.getSequence() + " has no camera id";
        }
        String at = "camera " + f.getCameraId() + " frame " + f.getSequence() + ": ";
        if (f.getWidth() <= 0 || f.getHeight() <= 0) {
            return at + "size " + f.getWidth() + "x" + f.getHeight() + " is not positive";
        }
        int bytes = f.getData().remaining();
        if (bytes == 0) {
            return at + "no pixels";
        }
        long rgb = 3L * f.getWidth() * f.getHeight();
        if (f.getEncoding() == FrameEncoding.RGB24 && bytes != rgb) {
            return at
                    + "RGB24 of "
                    + f.getWidth()
                    + "x"
                    + f.getHeight()
                    + " needs "
                    + rgb
                    + " bytes, has "
                    + bytes;
        }
        return null;
    }

    /** A query needs a camera id and a query id. */
    public static String queryProblem(TrackQuery q) {
        if (q.getCameraId() == null || q.getCameraId().isBlank()) {
            return "query " + q.getQueryId() + " has no camera id";
        }
        if (q.getQueryId() == null || q.getQueryId().isBlank()) {
            return "query on camera " + q.getCameraId() + " has no query id";
        }
        return null;
    }
}
