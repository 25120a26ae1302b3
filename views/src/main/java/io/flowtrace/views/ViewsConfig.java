package io.flowtrace.views;

import io.flowtrace.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the views service is configured with, validated once.
 *
 * @param bootstrapServers the Kafka cluster
 * @param applicationId the Kafka Streams application id; instances with the same id share the work
 * @param stateDir where Kafka Streams keeps its local state and checkpoints
 * @param httpHost the address the HTTP server binds to
 * @param httpPort its port; 0 picks a free one
 * @param advertisedHost the host other instances reach this one at, for forwarded queries
 * @param trailLength positions kept per track, the latest included
 * @param trackTtl a track not updated for this long (by capture time, against the newest update the
 *     instance has seen) is dropped
 * @param summaryWindow the size of the tumbling motion-summary windows
 * @param summaryGrace how long after a window's end records for it are still counted
 * @param summaryRetention how long closed windows stay queryable
 * @param frameMaxWidth the viewer's frames are scaled down to at most this width
 * @param frameInterval at most one viewer frame per camera per this much capture time is kept
 * @param eventPeriod how often server-sent-event streams look for changed tracks
 * @param topics the topics read and written
 */
public record ViewsConfig(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        String httpHost,
        int httpPort,
        String advertisedHost,
        int trailLength,
        Duration trackTtl,
        Duration summaryWindow,
        Duration summaryGrace,
        Duration summaryRetention,
        int frameMaxWidth,
        Duration frameInterval,
        Duration eventPeriod,
        ViewsTopics topics) {

    public ViewsConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(topics, "topics");
        if (applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId must not be blank");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0 to 65535, was " + httpPort);
        }
        if (trailLength < 1) {
            throw new IllegalArgumentException("trailLength must be >= 1, was " + trailLength);
        }
        if (frameMaxWidth < 16) {
            throw new IllegalArgumentException("frameMaxWidth must be >= 16, was " + frameMaxWidth);
        }
        positive("trackTtl", trackTtl);
        positive("summaryWindow", summaryWindow);
        notNegative("summaryGrace", summaryGrace);
        notNegative("frameInterval", frameInterval);
        positive("eventPeriod", eventPeriod);
        if (summaryRetention.compareTo(summaryWindow.plus(summaryGrace)) < 0) {
            throw new IllegalArgumentException(
                    "summaryRetention "
                            + summaryRetention
                            + " must be at least summaryWindow + summaryGrace ("
                            + summaryWindow.plus(summaryGrace)
                            + ")");
        }
    }

    /** The defaults for a cluster at {@code bootstrapServers}; adjust with {@link #toBuilder()}. */
    public static ViewsConfig defaults(String bootstrapServers) {
        return new ViewsConfig(
                bootstrapServers,
                "flowtrace-views",
                Path.of(System.getProperty("java.io.tmpdir"), "flowtrace-views"),
                "127.0.0.1",
                8070,
                "127.0.0.1",
                32,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                480,
                Duration.ofMillis(200),
                Duration.ofMillis(250),
                ViewsTopics.defaults());
    }

    /** A builder that starts from this configuration. */
    public ViewsConfigBuilder toBuilder() {
        return new ViewsConfigBuilder(this);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void notNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    /**
     * The topics the service reads and writes.
     *
     * @param trackUpdates {@code TrackUpdate}s from the tracking job
     * @param flowResults {@code FlowResult}s from the tracking job
     * @param frames the cameras' {@code Frame}s, for the viewer
     * @param trackQueries where the viewer's clicks go, as {@code TrackQuery} records
     * @param motionSummaries where closed summaries go
     * @param deadLetters where undecodable input goes
     */
    public record ViewsTopics(
            String trackUpdates,
            String flowResults,
            String frames,
            String trackQueries,
            String motionSummaries,
            String deadLetters) {

        public ViewsTopics {
            Objects.requireNonNull(trackUpdates, "trackUpdates");
            Objects.requireNonNull(flowResults, "flowResults");
            Objects.requireNonNull(frames, "frames");
            Objects.requireNonNull(trackQueries, "trackQueries");
            Objects.requireNonNull(motionSummaries, "motionSummaries");
            Objects.requireNonNull(deadLetters, "deadLetters");
        }

        /** The pipeline's topic names, from {@link Topics}. */
        public static ViewsTopics defaults() {
            return new ViewsTopics(
                    Topics.TRACK_UPDATES,
                    Topics.FLOW_RESULTS,
                    Topics.FRAMES,
                    Topics.TRACK_QUERIES,
                    Topics.MOTION_SUMMARIES,
                    Topics.DEAD_LETTERS);
        }
    }
}
