package io.flowtrace.views.internal;

import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.MotionSummary;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.views.ViewsConfig;
import io.flowtrace.views.ViewsCounters;
import java.time.Instant;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/** The three branches of the views topology, one per input topic, added to a builder. */
public final class ViewsStreams {

    private final ViewsConfig config;
    private final ViewsCounters counters;

    public ViewsStreams(ViewsConfig config, ViewsCounters counters) {
        this.config = config;
        this.counters = counters;
    }

    /** Track updates into the track store. */
    public void tracks(StreamsBuilder builder) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StoreNames.TRACKS),
                        Serdes.String(),
                        SharedAvroSerde.of(TrackView.class)));
        decoded(
                        builder,
                        config.topics().trackUpdates(),
                        TrackUpdate.class,
                        TrackUpdate::getCameraId,
                        TrackUpdate::getCaptureTime)
                .processValues(
                        () -> new TrackProcessor(config.trailLength(), config.trackTtl(), counters),
                        Named.as("track-state"),
                        StoreNames.TRACKS);
    }

    /** Flow results into windowed motion summaries: a queryable store and the output topic. */
    public void summaries(StreamsBuilder builder) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StoreNames.LAST_PAIRS),
                        Serdes.String(),
                        SharedAvroSerde.of(LastPair.class)));
        SharedAvroSerde<SummaryAccumulator> sums = SharedAvroSerde.of(SummaryAccumulator.class);
        decoded(
                        builder,
                        config.topics().flowResults(),
                        FlowResult.class,
                        FlowResult::getCameraId,
                        r -> r.getTimings().getCaptureTime())
                .processValues(
                        PairStepProcessor::new, Named.as("pair-steps"), StoreNames.LAST_PAIRS)
                .groupByKey(Grouped.with("summary-steps", Serdes.String(), sums))
                .windowedBy(
                        TimeWindows.ofSizeAndGrace(config.summaryWindow(), config.summaryGrace()))
                .aggregate(
                        Accumulators::empty,
                        (camera, step, sum) -> Accumulators.merge(sum, step),
                        Named.as("summary-sums"),
                        Materialized.<String, SummaryAccumulator>as(
                                        Stores.inMemoryWindowStore(
                                                StoreNames.SUMMARIES,
                                                config.summaryRetention(),
                                                config.summaryWindow(),
                                                false))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(sums))
                .suppress(
                        Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                                .withName("summaries-until-closed"))
                .toStream(Named.as("closed-summaries"))
                .map(
                        (w, sum) ->
                                KeyValue.pair(
                                        w.key(),
                                        Accumulators.summary(
                                                w.key(),
                                                w.window().start(),
                                                w.window().end(),
                                                sum)),
                        Named.as("summary-records"))
                .to(
                        config.topics().motionSummaries(),
                        Produced.with(Serdes.String(), AvroSerde.of(MotionSummary.class))
                                .withName("motion-summaries-sink"));
    }

    /** Frames into the viewer's frame store; not logged to a changelog: the next frame will do. */
    public void frames(StreamsBuilder builder) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(StoreNames.FRAMES),
                                Serdes.String(),
                                SharedAvroSerde.of(ViewerFrame.class))
                        .withLoggingDisabled());
        decoded(
                        builder,
                        config.topics().frames(),
                        Frame.class,
                        Frame::getCameraId,
                        Frame::getCaptureTime)
                .processValues(
                        () ->
                                new FrameProcessor(
                                        config.frameMaxWidth(), config.frameInterval(), counters),
                        Named.as("viewer-frames"),
                        StoreNames.FRAMES);
    }

    private <T extends SpecificRecord> KStream<String, T> decoded(
            StreamsBuilder builder,
            String topic,
            Class<T> type,
            Function<T, String> camera,
            Function<T, Instant> eventTime) {
        String name = topic + "-";
        KStream<String, Decoded<T>> decoded =
                builder.stream(
                                topic,
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName(name + "source"))
                        .processValues(
                                () -> new DecodeProcessor<>(type, camera, eventTime, counters),
                                Named.as(name + "decode"));
        decoded.filter((k, d) -> !d.isOk(), Named.as(name + "undecodable"))
                .mapValues(Decoded::deadLetter, Named.as(name + "dead-letter"))
                .to(
                        config.topics().deadLetters(),
                        Produced.with(Serdes.String(), AvroSerde.of(DeadLetter.class))
                                .withName(name + "dead-letters-sink"));
        return decoded.filter((k, d) -> d.isOk(), Named.as(name + "decoded"))
                .mapValues(Decoded::record, Named.as(name + "record"));
    }
}
