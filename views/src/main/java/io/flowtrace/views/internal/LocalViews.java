package io.flowtrace.views.internal;

import io.flowtrace.views.internal.Payloads.FrameInfo;
import io.flowtrace.views.internal.Payloads.Summary;
import io.flowtrace.views.internal.Payloads.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Answers from the stores of this instance only: the partitions it owns. */
public final class LocalViews implements Views {

    private final KafkaStreams streams;
    private final long windowMillis;

    /** Views of {@code streams}' stores, whose summary windows are {@code window} long. */
    public LocalViews(KafkaStreams streams, java.time.Duration window) {
        this.streams = streams;
        this.windowMillis = window.toMillis();
    }

    @Override
    public SortedSet<String> cameras() {
        SortedSet<String> cameras = new TreeSet<>();
        keys(StoreNames.TRACKS).forEach(k -> cameras.add(StoreNames.cameraOf(k)));
        cameras.addAll(keys(StoreNames.FRAMES));
        cameras.addAll(keys(StoreNames.LAST_PAIRS));
        return cameras;
    }

    @Override
    public List<Track> tracks(String camera) {
        List<Track> out = new ArrayList<>();
        ReadOnlyKeyValueStore<String, TrackView> store =
                store(StoreNames.TRACKS, QueryableStoreTypes.keyValueStore());
        try (KeyValueIterator<String, TrackView> it =
                store.prefixScan(StoreNames.cameraPrefix(camera), new StringSerializer())) {
            while (it.hasNext()) {
                out.add(Track.of(it.next().value));
            }
        }
        return out;
    }

    @Override
    public Optional<Track> track(String camera, String id) {
        ReadOnlyKeyValueStore<String, TrackView> store =
                store(StoreNames.TRACKS, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(store.get(StoreNames.trackKey(camera, id))).map(Track::of);
    }

    @Override
    public List<Summary> summaries(String camera, Instant from, Instant to) {
        ReadOnlyWindowStore<String, SummaryAccumulator> store =
                store(StoreNames.SUMMARIES, QueryableStoreTypes.windowStore());
        List<Summary> out = new ArrayList<>();
        try (WindowStoreIterator<SummaryAccumulator> it = store.fetch(camera, from, to)) {
            while (it.hasNext()) {
                KeyValue<Long, SummaryAccumulator> w = it.next();
                out.add(summary(camera, w.key, w.value));
            }
        }
        return out;
    }

    @Override
    public Optional<Picture> picture(String camera) {
        return frame(camera).map(f -> new Picture(info(f), bytes(f.getJpeg())));
    }

    @Override
    public Optional<FrameInfo> frameInfo(String camera) {
        return frame(camera).map(LocalViews::info);
    }

    private Optional<ViewerFrame> frame(String camera) {
        ReadOnlyKeyValueStore<String, ViewerFrame> store =
                store(StoreNames.FRAMES, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(store.get(camera));
    }

    private static FrameInfo info(ViewerFrame f) {
        return new FrameInfo(f.getSequence(), f.getCaptureTime(), f.getWidth(), f.getHeight());
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private Summary summary(String camera, long start, SummaryAccumulator sum) {
        long end = start + windowMillis;
        var s = Accumulators.summary(camera, start, end, sum);
        return new Summary(
                start,
                end,
                s.getActiveTracks(),
                s.getPointSteps(),
                s.getMeanSpeed(),
                s.getMaxSpeed(),
                s.getOccludedShare(),
                s.getTrackedPairs(),
                s.getSkippedPairs());
    }

    private List<String> keys(String name) {
        ReadOnlyKeyValueStore<String, ?> store =
                store(name, QueryableStoreTypes.<String, Object>keyValueStore());
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> it = store.all()) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        return keys;
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(
                    "store " + name + " is not queryable now (" + streams.state() + ")", e);
        }
    }
}
