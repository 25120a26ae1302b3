package io.flowtrace.schema;

/** The topics of the tracking pipeline, by name, and the largest record they carry. */
public final class Topics {

    /** Frames of every camera, {@code Frame}, keyed by camera id. */
    public static final String FRAMES = "frames";

    /** Points to add or remove, {@code TrackQuery}, keyed by camera id. */
    public static final String TRACK_QUERIES = "track-queries";

    /** One {@code FlowResult} per frame pair, keyed by camera id. */
    public static final String FLOW_RESULTS = "flow-results";

    /** One {@code TrackUpdate} per point and frame, keyed by camera id. */
    public static final String TRACK_UPDATES = "track-updates";

    /**
     * One {@code MotionSummary} per camera and closed tumbling window, keyed by camera id; written
     * by the views service.
     */
    public static final String MOTION_SUMMARIES = "motion-summaries";

    /** Records that could not be processed, {@code DeadLetter}, with the reason. */
    public static final String DEAD_LETTERS = "dead-letters";

    /**
     * The largest record a producer may send to, and a consumer must fetch from, any of these
     * topics: a raw RGB24 frame of 2048x2048 with room to spare. Brokers and topics need their
     * {@code message.max.bytes} / {@code max.message.bytes} at least this large.
     */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private Topics() {}
}
