package io.flowtrace.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

class FlowtraceSchemasTest {

    @Test
    void everyOlderSchemaCanBeReadByTheCurrentOneOfItsName() {
        for (Schema old : FlowtraceSchemas.history()) {
            Schema current =
                    FlowtraceSchemas.current().stream()
                            .filter(s -> s.getFullName().equals(old.getFullName()))
                            .findFirst()
                            .orElseThrow();

            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
                    .as(old.getFullName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void storeResolvesEverySchemaByItsFingerprint() {
        var store = FlowtraceSchemas.store();
        Set<Long> fingerprints = new HashSet<>();
        for (Schema s : FlowtraceSchemas.current()) {
            assertThat(store.findByFingerprint(FlowtraceSchemas.fingerprint(s))).isEqualTo(s);
            fingerprints.add(FlowtraceSchemas.fingerprint(s));
        }
        for (Schema s : FlowtraceSchemas.history()) {
            assertThat(store.findByFingerprint(FlowtraceSchemas.fingerprint(s))).isEqualTo(s);
            fingerprints.add(FlowtraceSchemas.fingerprint(s));
        }
        assertThat(fingerprints)
                .hasSize(FlowtraceSchemas.current().size() + FlowtraceSchemas.history().size());
    }

    @Test
    void deadLetterReasonsFallBackToOtherForUnknownCodes() {
        Schema reason = DeadLetter.getClassSchema().getField("reason").schema();

        assertThat(reason.getEnumDefault()).isEqualTo("OTHER");
    }
}
