package io.flowtrace.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * {@code motion-summaries} is read by consumers outside flowtrace, so its record must stay fully
 * compatible with every version ever published (kept under {@code published/} in the test
 * resources): new readers read old records and old readers read new ones.
 */
class MotionSummaryCompatibilityTest {

    private static final List<String> PUBLISHED = List.of("published/MotionSummary-v1.avsc");

    @Test
    void currentSchemaReadsEveryPublishedVersion() throws IOException {
        for (Schema published : published()) {
            assertThat(
                            SchemaCompatibility.checkReaderWriterCompatibility(
                                            MotionSummary.getClassSchema(), published)
                                    .getType())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void everyPublishedVersionReadsTheCurrentSchema() throws IOException {
        for (Schema published : published()) {
            assertThat(
                            SchemaCompatibility.checkReaderWriterCompatibility(
                                            published, MotionSummary.getClassSchema())
                                    .getType())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void everyPublishedVersionIsKnownToTheSchemaStore() throws IOException {
        var store = FlowtraceSchemas.store();
        for (Schema published : published()) {
            assertThat(store.findByFingerprint(FlowtraceSchemas.fingerprint(published)))
                    .as("a published MotionSummary must stay resolvable by fingerprint")
                    .isNotNull();
        }
    }

    @Test
    void summaryRoundTripsThroughItsSerde() {
        MotionSummary summary =
                MotionSummary.newBuilder()
                        .setCameraId("cam-1")
                        .setWindowStart(Instant.ofEpochMilli(10_000))
                        .setWindowEnd(Instant.ofEpochMilli(20_000))
                        .setActiveTracks(3)
                        .setPointSteps(12)
                        .setMeanSpeed(4.5)
                        .setMaxSpeed(9.0)
                        .setOccludedShare(0.25)
                        .setTrackedPairs(4)
                        .setSkippedPairs(1)
                        .build();
        var serde = AvroSerde.of(MotionSummary.class);

        byte[] bytes = serde.serializer().serialize(Topics.MOTION_SUMMARIES, summary);

        assertThat(serde.deserializer().deserialize(Topics.MOTION_SUMMARIES, bytes))
                .isEqualTo(summary);
    }

    private static List<Schema> published() throws IOException {
        List<Schema> schemas = new java.util.ArrayList<>();
        for (String name : PUBLISHED) {
            try (InputStream in = MotionSummaryCompatibilityTest.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                schemas.add(new Schema.Parser().parse(in));
            }
        }
        return schemas;
    }
}
