package io.flowtrace.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-24T10:00:00.040Z");

    private static Frame frame() {
        return Frame.newBuilder()
                .setCameraId("cam-1")
                .setSequence(42)
                .setCaptureTime(CAPTURED)
                .setWidth(4)
                .setHeight(2)
                .setEncoding(FrameEncoding.RGB24)
                .setData(ByteBuffer.wrap(new byte[24]))
                .setSource("file:clip.mp4")
                .build();
    }

    @Test
    void roundTripsAFrame() {
        RecordCodec<Frame> codec = RecordCodec.of(Frame.class);

        Frame back = codec.decode(codec.encode(frame()));

        assertThat(back).isEqualTo(frame());
    }

    @Test
    void roundTripsAFlowResultWithItsPoints() {
        FlowResult result =
                FlowResult.newBuilder()
                        .setCameraId("cam-1")
                        .setFromSequence(41)
                        .setToSequence(42)
                        .setStatus(PairStatus.TRACKED)
                        .setPoints(
                                List.of(
                                        new PointFlow(
                                                "p1", 1.0, 2.0, 3.5, 4.5, true, 2.5f, 45, 6.5),
                                        new PointFlow(
                                                "p2", 9.0, 8.0, 7.0, 6.0, false, 0.1f, 45, 6.5)))
                        .setModel(new ModelInfo("lras_kl_probe", "1"))
                        .setTimings(
                                new PairTimings(CAPTURED, CAPTURED.plusMillis(900), 700.0, 900.0))
                        .build();
        RecordCodec<FlowResult> codec = RecordCodec.of(FlowResult.class);

        FlowResult back = codec.decode(codec.encode(result));

        assertThat(back).isEqualTo(result);
        assertThat(back.getMissingFrames()).isZero();
        assertThat(back.getSkipReason()).isNull();
    }

    @Test
    void roundTripsQueriesUpdatesAndDeadLetters() {
        TrackQuery query =
                new TrackQuery("cam-1", "q7", QueryAction.ADD, 42L, 10.5, 20.25, CAPTURED);
        TrackUpdate update =
                new TrackUpdate(
                        "cam-1",
                        "q7",
                        43L,
                        11.0,
                        21.0,
                        true,
                        1.5f,
                        TrackStatus.TRACKING,
                        new Anchor(42L, 10.5, 20.25),
                        CAPTURED,
                        3.25);
        DeadLetter letter =
                new DeadLetter(
                        "frames",
                        0,
                        17L,
                        DeadLetterReason.BAD_FRAME,
                        "width 0",
                        null,
                        ByteBuffer.wrap(new byte[] {1, 2, 3}),
                        CAPTURED);

        assertThat(
                        RecordCodec.of(TrackQuery.class)
                                .decode(RecordCodec.of(TrackQuery.class).encode(query)))
                .isEqualTo(query);
        assertThat(
                        RecordCodec.of(TrackUpdate.class)
                                .decode(RecordCodec.of(TrackUpdate.class).encode(update)))
                .isEqualTo(update);
        assertThat(
                        RecordCodec.of(DeadLetter.class)
                                .decode(RecordCodec.of(DeadLetter.class).encode(letter)))
                .isEqualTo(letter);
    }

    @Test
    void readsAFrameWrittenWithTheOlderSchema() {
        Schema v1 = FlowtraceSchemas.history().get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("cameraId", "cam-old");
        old.put("sequence", 7L);
        old.put("captureTime", CAPTURED.toEpochMilli());
        old.put("width", 2);
        old.put("height", 1);
        old.put("encoding", new GenericData.EnumSymbol(v1.getField("encoding").schema(), "PNG"));
        old.put("data", ByteBuffer.wrap(new byte[] {9, 8, 7}));
        byte[] message = encodeGeneric(v1, old);

        Frame frame = RecordCodec.of(Frame.class).decode(message);

        assertThat(frame.getCameraId()).isEqualTo("cam-old");
        assertThat(frame.getSequence()).isEqualTo(7L);
        assertThat(frame.getCaptureTime()).isEqualTo(CAPTURED);
        assertThat(frame.getEncoding()).isEqualTo(FrameEncoding.PNG);
        assertThat(frame.getData().array()).containsExactly(9, 8, 7);
        assertThat(frame.getSource()).as("field added in version 2 takes its default").isNull();
    }

    @Test
    void namesAnUnknownWriterSchema() {
        Schema stranger =
                SchemaBuilder.record("Frame")
                        .namespace("io.flowtrace.schema")
                        .fields()
                        .requiredString("cameraId")
                        .requiredInt("mystery")
                        .endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("cameraId", "cam-x");
        record.put("mystery", 3);
        byte[] message = encodeGeneric(stranger, record);

        assertThatThrownBy(() -> RecordCodec.of(Frame.class).decode(message))
                .isInstanceOfSatisfying(
                        RecordFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA))
                .hasMessageContaining("Frame")
                .hasMessageContaining("unknown schema");
    }

    @Test
    void rejectsBytesWithoutTheSingleObjectHeader() {
        byte[] garbage = "hello, not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecordCodec.of(Frame.class).decode(garbage))
                .isInstanceOfSatisfying(
                        RecordFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNDECODABLE))
                .hasMessageContaining("not a single-object encoded Frame");
    }

    @Test
    void rejectsATruncatedBody() {
        RecordCodec<Frame> codec = RecordCodec.of(Frame.class);
        byte[] whole = codec.encode(frame());
        byte[] cut = Arrays.copyOf(whole, 14);

        assertThatThrownBy(() -> codec.decode(cut))
                .isInstanceOfSatisfying(
                        RecordFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNDECODABLE))
                .hasMessageContaining("Frame");
    }

    @Test
    void rejectsNullBytes() {
        assertThatThrownBy(() -> RecordCodec.of(Frame.class).decode(null))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("no bytes");
    }

    private static byte[] encodeGeneric(Schema schema, GenericRecord record) {
        try {
            ByteBuffer buffer =
                    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                            .encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
