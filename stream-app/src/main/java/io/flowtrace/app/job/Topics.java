package io.flowtrace.app.job;

/** The topics of the tracking pipeline, by name. */
public final class Topics {

    /** Frames of every camera, {@code Frame}, keyed by camera id. */
    public static final String FRAMES = "frames";

    /** Points to add or remove, {@code TrackQuery}, keyed by camera id. */
    public static final String TRACK_QUERIES = "track-queries";

    /** One {@code FlowResult} per frame pair, keyed by camera id. */
    public static final String FLOW_RESULTS = "flow-results";

    /** One {@code TrackUpdate} per point and frame, keyed by camera id. */
    public static final String TRACK_UPDATES = "track-updates";

    /** Records that could not be processed, {@code DeadLetter}, with the reason. */
    public static final String DEAD_LETTERS = "dead-letters";

    private Topics() {}
}
