package io.flowtrace.job;

import static io.flowtrace.job.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.job.internal.BufferedFrame;
import io.flowtrace.job.internal.CameraAnchors;
import io.flowtrace.job.internal.PointTrack;
import io.flowtrace.job.internal.ReorderIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The values between and inside the job's functions travel without Kryo. */
class ValueTypesTest {

    private static final List<Class<?>> VALUE_TYPES =
            List.of(
                    FramePair.class,
                    LateFrame.class,
                    PointAnchor.class,
                    TrackRequest.class,
                    PointResult.class,
                    TrackResponse.class,
                    BufferedFrame.class,
                    ReorderIndex.class,
                    PointTrack.class,
                    CameraAnchors.Anchored.class);

    @Test
    void valueTypesUsePojoAndAvroSerializersNotKryo() {
        for (Class<?> type : VALUE_TYPES) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThat(kryoFields(info, type.getSimpleName())).isEmpty();
        }
    }

    /** A type Flink would partly hand to Kryo, to show that the check notices. */
    public record Untyped(String name, List<Object> things) {}

    @Test
    void noticesFieldsThatWouldGoToKryo() {
        assertThat(kryoFields(TypeInformation.of(Untyped.class), "Untyped"))
                .containsExactly("Untyped.things[]: GenericType<java.lang.Object>");
    }

    @Test
    void valuesSurviveTheirSerializers() throws Exception {
        PointAnchor anchor = new PointAnchor("p", 1, 2.5, 3.5);
        TrackRequest request =
                new TrackRequest(
                        "a",
                        1,
                        frame("a", 2),
                        0,
                        7,
                        List.of(anchor),
                        List.of(frame("a", 1)),
                        List.of("gone"));
        List<Object> values =
                List.of(
                        TestFrames.pair("a", 1, 3),
                        new LateFrame(frame("a", 1), 4),
                        request,
                        TrackResponse.tracked(
                                request,
                                "m:1",
                                3.5,
                                List.of(
                                        new PointResult(anchor, 4, 5, true, 0.7, 8, 1.5, Double.NaN)
                                                .withNextAnchor(new PointAnchor("p", 2, 4, 5)))),
                        TrackResponse.timedOut(request, "m:1", "slow"),
                        new BufferedFrame(frame("a", 1), 9),
                        ReorderIndex.empty().with(5, 500).with(3, 300),
                        PointTrack.start(anchor),
                        new CameraAnchors.Anchored(anchor, new PointAnchor("p", 2, 4, 5)));
        for (Object value : values) {
            assertThat(roundTrip(value)).isEqualTo(value);
        }
    }

    @Test
    void functionsAreSerializable() throws Exception {
        JobConfig config = JobConfig.defaults();
        List<Object> functions =
                List.of(
                        new FramePairingFunction(config.pairing()),
                        new QueryRegistryFunction(config.queries()),
                        new KlTracingOperator(config.tracing(), Duration.ofMinutes(1)),
                        new TrackStateFunction(config.tracks()));
        for (Object function : functions) {
            assertThat(InstantiationUtil.clone((java.io.Serializable) function)).isNotNull();
        }
        assertThat(InstantiationUtil.clone(config).tracing().recipe())
                .isEqualTo(config.tracing().recipe());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        TypeSerializer<T> serializer =
                ((TypeInformation<T>) TypeInformation.of(value.getClass()))
                        .createSerializer(new ExecutionConfig().getSerializerConfig());
        byte[] bytes = InstantiationUtil.serializeToByteArray(serializer, value);
        return InstantiationUtil.deserializeFromByteArray(serializer, bytes);
    }

    /** Paths to every field below {@code info} that Flink would hand to Kryo. */
    private static List<String> kryoFields(TypeInformation<?> info, String path) {
        List<String> found = new ArrayList<>();
        if (info instanceof AvroTypeInfo<?>) {
            return found; // Avro records have their own serializer
        }
        if (info instanceof GenericTypeInfo<?>) {
            found.add(path + ": " + info);
        } else if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                var field = pojo.getPojoFieldAt(i);
                found.addAll(
                        kryoFields(
                                field.getTypeInformation(),
                                path + "." + field.getField().getName()));
            }
        } else if (info instanceof ListTypeInfo<?> list) {
            found.addAll(kryoFields(list.getElementTypeInfo(), path + "[]"));
        } else if (info instanceof ObjectArrayTypeInfo<?, ?> array) {
            found.addAll(kryoFields(array.getComponentInfo(), path + "[]"));
        }
        return found;
    }
}
