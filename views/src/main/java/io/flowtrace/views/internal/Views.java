package io.flowtrace.views.internal;

import io.flowtrace.views.internal.Payloads.FrameInfo;
import io.flowtrace.views.internal.Payloads.Summary;
import io.flowtrace.views.internal.Payloads.Track;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What the HTTP API answers, from wherever it is kept: this instance's stores or, through the
 * instance that owns a camera's partition, another's.
 */
public interface Views {

    /** Every camera with tracks, a viewer frame or a frame pair. */
    SortedSet<String> cameras();

    /** The camera's tracks, by id; none for a camera never seen. */
    List<Track> tracks(String camera);

    /** One track of the camera. */
    Optional<Track> track(String camera, String id);

    /** The camera's summaries of the windows that start from {@code from} to {@code to}. */
    List<Summary> summaries(String camera, Instant from, Instant to);

    /** The camera's latest viewer frame, without its pixels. */
    Optional<FrameInfo> frameInfo(String camera);

    /** The camera's latest viewer frame. */
    Optional<Picture> picture(String camera);

    /** A viewer frame: what it is and its JPEG bytes. */
    record Picture(FrameInfo info, byte[] jpeg) {}
}
