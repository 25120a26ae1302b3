package io.flowtrace.views.internal;

import io.flowtrace.schema.TrackStatus;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.views.ViewsCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every track's latest state and its trail of the last positions. A REMOVED update deletes
 * the track; an update for a frame no newer than the track's state is counted and ignored; a track
 * whose last update is older than the time-to-live, against the newest capture time this task has
 * seen, is dropped by a periodic sweep.
 */
final class TrackProcessor implements FixedKeyProcessor<String, TrackUpdate, Void> {

    private final int trailLength;
    private final long ttlMillis;
    private final ViewsCounters counters;
    private KeyValueStore<String, TrackView> tracks;
    private long newestCapture = Long.MIN_VALUE;

    TrackProcessor(int trailLength, Duration ttl, ViewsCounters counters) {
        this.trailLength = trailLength;
        this.ttlMillis = ttl.toMillis();
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Void> context) {
        tracks = context.getStateStore(StoreNames.TRACKS);
        Duration sweep = Duration.ofMillis(Math.max(100, ttlMillis / 4));
        context.schedule(sweep, PunctuationType.STREAM_TIME, now -> expire());
    }

    @Override
    public void process(FixedKeyRecord<String, TrackUpdate> record) {
        TrackUpdate u = record.value();
        String key = StoreNames.trackKey(u.getCameraId(), u.getPointId());
        if (u.getStatus() == TrackStatus.REMOVED) {
            tracks.delete(key);
            return;
        }
        TrackView previous = tracks.get(key);
        if (previous != null && u.getSequence() <= previous.getSequence()) {
            counters.staleUpdate();
            return;
        }
        long capture = u.getCaptureTime().toEpochMilli();
        newestCapture = Math.max(newestCapture, capture);
        List<TrailPoint> trail =
                new ArrayList<>(previous == null ? List.of() : previous.getTrail());
        trail.add(new TrailPoint(u.getSequence(), u.getX(), u.getY(), u.getVisible(), capture));
        if (trail.size() > trailLength) {
            trail = new ArrayList<>(trail.subList(trail.size() - trailLength, trail.size()));
        }
        tracks.put(
                key,
                TrackView.newBuilder()
                        .setCameraId(u.getCameraId())
                        .setPointId(u.getPointId())
                        .setSequence(u.getSequence())
                        .setX(u.getX())
                        .setY(u.getY())
                        .setVisible(u.getVisible())
                        .setKlPeak(u.getKlPeak())
                        .setStatus(u.getStatus().name())
                        .setCaptureTime(capture)
                        .setTrail(trail)
                        .build());
    }

    private void expire() {
        if (newestCapture == Long.MIN_VALUE) {
            return;
        }
        long oldest = newestCapture - ttlMillis;
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, TrackView> all = tracks.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackView> next = all.next();
                if (next.value.getCaptureTime() < oldest) {
                    gone.add(next.key);
                }
            }
        }
        gone.forEach(tracks::delete);
    }
}
