package io.flowtrace.views.internal;

/** The service's state stores, by name, and how the track store's keys are made. */
public final class StoreNames {

    /** Each track's {@link TrackView}, keyed by {@link #trackKey}. */
    public static final String TRACKS = "tracks";

    /** Each camera's latest {@link ViewerFrame}, keyed by camera id. */
    public static final String FRAMES = "viewer-frames";

    /** Motion summaries being added up, {@link SummaryAccumulator} per camera and window. */
    public static final String SUMMARIES = "motion-summaries";

    /** Each camera's last frame pair, {@link LastPair}, for the time between frames. */
    public static final String LAST_PAIRS = "last-pairs";

    // below every character a camera or point id is made of, so a camera's tracks sort together
    // and one camera's prefix never matches another's
    private static final char SEPARATOR = '\u0000';

    private StoreNames() {}

    /** The track store's key of one point of one camera. */
    public static String trackKey(String camera, String pointId) {
        return camera + SEPARATOR + pointId;
    }

    /** The prefix every track key of {@code camera} starts with. */
    public static String cameraPrefix(String camera) {
        return camera + SEPARATOR;
    }

    /** The camera id a track key was made from. */
    public static String cameraOf(String trackKey) {
        int at = trackKey.indexOf(SEPARATOR);
        return at < 0 ? trackKey : trackKey.substring(0, at);
    }
}
