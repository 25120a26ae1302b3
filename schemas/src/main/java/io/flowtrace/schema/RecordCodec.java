package io.flowtrace.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type with Avro single-object encoding. Decoding accepts a record
 * written with any schema version in {@link FlowtraceSchemas#store()} and resolves it to the
 * current one. Instances are not thread-safe (Avro reuses buffers); use one per thread or task.
 *
 * @param <T> the generated record class
 */
public final class RecordCodec<T extends SpecificRecord> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private RecordCodec(Class<T> type) {
        this.type = type;
        SpecificData data = SpecificData.getForClass(type);
        org.apache.avro.Schema schema = data.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(data, schema);
        this.decoder = new BinaryMessageDecoder<>(data, schema, FlowtraceSchemas.store());
    }

    /** A codec for the generated record class {@code type}, e.g. {@code Frame.class}. */
    public static <T extends SpecificRecord> RecordCodec<T> of(Class<T> type) {
        return new RecordCodec<>(Objects.requireNonNull(type, "type"));
    }

    /** The record as a single-object encoded message. */
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /**
     * The record in {@code message}.
     *
     * @throws RecordFormatException saying whether the header was wrong, the writer schema unknown
     *     or the body unreadable
     */
    public T decode(byte[] message) {
        if (message == null) {
            throw new RecordFormatException(
                    DeadLetterReason.UNDECODABLE,
                    "no bytes where a " + type.getSimpleName() + " was expected",
                    null);
        }
        try {
            return decoder.decode(message);
        } catch (MissingSchemaException e) {
            throw new RecordFormatException(
                    DeadLetterReason.UNKNOWN_SCHEMA,
                    type.getSimpleName() + " written with an unknown schema: " + e.getMessage(),
                    e);
        } catch (BadHeaderException e) {
            throw new RecordFormatException(
                    DeadLetterReason.UNDECODABLE,
                    "not a single-object encoded " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new RecordFormatException(
                    DeadLetterReason.UNDECODABLE,
                    "unreadable "
                            + type.getSimpleName()
                            + " body ("
                            + message.length
                            + " bytes): "
                            + e,
                    e);
        }
    }
}
