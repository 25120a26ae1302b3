package io.flowtrace.job.kafka;

import io.flowtrace.job.FrameInput;
import io.flowtrace.job.QueryInput;
import io.flowtrace.job.RecordChecks;
import io.flowtrace.job.internal.DeadLetters;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.RecordFormatException;
import io.flowtrace.schema.TrackQuery;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a topic's Avro records without ever failing the job: a record that does not decode, or
 * decodes but fails its checks ({@link RecordChecks}), becomes a dead letter with the reason, the
 * record's topic, partition and offset, and its raw bytes.
 *
 * @param <T> the record type
 * @param <O> what the source emits: the record or the dead letter
 */
public final class RecordInputDeserializer<T extends SpecificRecord, O>
        implements KafkaRecordDeserializationSchema<O> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final Class<O> output;
    private final SerializableFunction<T, O> ok;
    private final SerializableFunction<DeadLetter, O> dead;
    private final SerializableFunction<T, String> problem;
    private final DeadLetterReason badRecord;
    private transient RecordCodec<T> codec;

    /** A function Flink can ship with the job. */
    public interface SerializableFunction<A, B> extends Function<A, B>, java.io.Serializable {}

    private RecordInputDeserializer(
            Class<T> type,
            Class<O> output,
            SerializableFunction<T, O> ok,
            SerializableFunction<DeadLetter, O> dead,
            SerializableFunction<T, String> problem,
            DeadLetterReason badRecord) {
        this.type = type;
        this.output = output;
        this.ok = ok;
        this.dead = dead;
        this.problem = problem;
        this.badRecord = badRecord;
    }

    /** Frames, or dead letters for what is not a frame. */
    public static RecordInputDeserializer<Frame, FrameInput> frames() {
        return new RecordInputDeserializer<>(
                Frame.class,
                FrameInput.class,
                FrameInput::of,
                FrameInput::dead,
                RecordChecks::frameProblem,
                DeadLetterReason.BAD_FRAME);
    }

    /** Track queries, or dead letters for what is not a query. */
    public static RecordInputDeserializer<TrackQuery, QueryInput> queries() {
        return new RecordInputDeserializer<>(
                TrackQuery.class,
                QueryInput.class,
                QueryInput::of,
                QueryInput::dead,
                RecordChecks::queryProblem,
                DeadLetterReason.BAD_QUERY);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<O> out) {
        if (codec == null) {
            codec = RecordCodec.of(type);
        }
        T value;
        try {
            value = codec.decode(record.value());
        } catch (RecordFormatException e) {
            out.collect(dead.apply(DeadLetters.of(record, e.reason(), e.getMessage())));
            return;
        }
        String wrong = problem.apply(value);
        out.collect(
                wrong == null
                        ? ok.apply(value)
                        : dead.apply(DeadLetters.of(record, badRecord, wrong)));
    }

    @Override
    public TypeInformation<O> getProducedType() {
        return TypeInformation.of(output);
    }
}
