package io.flowtrace.views;

import static io.flowtrace.views.ViewsRecords.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.schema.Topics;
import io.flowtrace.views.internal.RoutedViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one application share the partitions; each answers for every camera, its own
 * from its stores and the other's by asking the other instance.
 */
class TwoInstancesITCase {

    private static final List<String> CAMERAS =
            IntStream.range(0, 6).mapToObj(i -> "cam-" + i).toList();

    @Test
    void eachInstanceAnswersForEveryCamera(@TempDir Path a, @TempDir Path b) {
        assertThat(CAMERAS.stream().map(TwoInstancesITCase::partition).distinct())
                .as("the cameras fall on both partitions")
                .hasSize(2);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            ViewsTestSupport.createTopics(kafka, 2);
            Instant now = Instant.now();
            for (int i = 0; i < CAMERAS.size(); i++) {
                String camera = CAMERAS.get(i);
                ViewsTestSupport.send(
                        kafka,
                        Topics.TRACK_UPDATES,
                        camera,
                        update(camera, "p" + i, 1, i, 2 * i, true, now));
            }
            try (ViewsService first =
                            ViewsService.start(
                                    ViewsTestSupport.config(kafka, a, "views-two").build());
                    ViewsService second =
                            ViewsService.start(
                                    ViewsTestSupport.config(kafka, b, "views-two").build())) {
                ViewsHttp one = new ViewsHttp(first.url());
                ViewsHttp two = new ViewsHttp(second.url());

                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> answersForAll(one) && answersForAll(two));

                Set<String> ownedByFirst = owned(one);
                Set<String> ownedBySecond = owned(two);
                assertThat(ownedByFirst).isNotEmpty();
                assertThat(ownedBySecond).isNotEmpty().doesNotContainAnyElementsOf(ownedByFirst);
                Set<String> union = new HashSet<>(ownedByFirst);
                union.addAll(ownedBySecond);
                assertThat(union).containsExactlyInAnyOrderElementsOf(CAMERAS);
                assertThat(ViewsTestSupport.texts(one.json("/api/cameras")))
                        .containsExactlyElementsOf(CAMERAS);
                assertThat(ViewsTestSupport.texts(two.json("/api/cameras")))
                        .containsExactlyElementsOf(CAMERAS);
            }
        }
    }

    /** Every camera's one track, with its position, through this instance. */
    private static boolean answersForAll(ViewsHttp http) {
        for (int i = 0; i < CAMERAS.size(); i++) {
            var tracks = http.json("/api/cameras/" + CAMERAS.get(i) + "/tracks");
            if (tracks.size() != 1
                    || !tracks.get(0).get("id").asText().equals("p" + i)
                    || tracks.get(0).get("y").asDouble() != 2.0 * i) {
                return false;
            }
        }
        return true;
    }

    /** The cameras whose tracks this instance answers from its own stores. */
    private static Set<String> owned(ViewsHttp http) {
        Set<String> owned = new HashSet<>();
        for (String camera : CAMERAS) {
            if (!http.json("/api/cameras/" + camera + "/tracks", RoutedViews.FORWARDED, "1")
                    .isEmpty()) {
                owned.add(camera);
            }
        }
        return owned;
    }

    private static int partition(String camera) {
        return Utils.toPositive(Utils.murmur2(camera.getBytes(StandardCharsets.UTF_8))) % 2;
    }
}
