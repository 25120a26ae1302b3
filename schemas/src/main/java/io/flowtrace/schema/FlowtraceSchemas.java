package io.flowtrace.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every schema flowtrace has written: the current records' schemas and the older versions kept
 * under {@code io/flowtrace/schema/history/}. A reader resolves any of them by fingerprint.
 */
public final class FlowtraceSchemas {

    /** Older versions of the bundled schemas, as resources beside this class. */
    static final List<String> HISTORY =
            List.of(
                    "history/Frame-v1.avsc",
                    "history/FlowResult-v1.avsc",
                    "history/TrackUpdate-v1.avsc");

    private static final List<Schema> CURRENT =
            List.of(
                    Frame.getClassSchema(),
                    TrackQuery.getClassSchema(),
                    FlowResult.getClassSchema(),
                    TrackUpdate.getClassSchema(),
                    DeadLetter.getClassSchema(),
                    MotionSummary.getClassSchema());

    private FlowtraceSchemas() {}

    /** The schemas of the current records. */
    public static List<Schema> current() {
        return CURRENT;
    }

    /** The older schema versions a reader must still understand. */
    public static List<Schema> history() {
        List<Schema> schemas = new ArrayList<>(HISTORY.size());
        for (String name : HISTORY) {
            try (InputStream in = FlowtraceSchemas.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled schema " + name + " is missing");
                }
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled schema " + name, e);
            }
        }
        return schemas;
    }

    /** A new store holding every current and older schema, looked up by fingerprint. */
    public static SchemaStore.Cache store() {
        SchemaStore.Cache store = new SchemaStore.Cache();
        CURRENT.forEach(store::addSchema);
        history().forEach(store::addSchema);
        return store;
    }

    /** The 64-bit Rabin fingerprint single-object encoding puts in each message's header. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
