package io.flowtrace.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.job.JobConfig;
import io.flowtrace.schema.TrackStatus;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.synth.MotionKind;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.tracer.Preset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking job and the views service on one embedded broker, as {@code demo --views} runs them:
 * once the job has published every pair, the service's HTTP answer for each camera is the last
 * update the job published for each of its points.
 */
class JobAndViewsITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void viewsAnswerWithTheJobsLatestUpdateOfEveryPoint() throws Exception {
        Map<String, DemoCamera> cameras = new LinkedHashMap<>();
        for (int i = 1; i <= 2; i++) {
            SyntheticClip clip =
                    SyntheticClip.generate(
                            SceneSpec.builder()
                                    .size(96, 96)
                                    .frames(4)
                                    .layers(2)
                                    .motion(MotionKind.TRANSLATION)
                                    .maxSpeed(2)
                                    .queries(3)
                                    .seed(40 + i)
                                    .build());
            cameras.put("cam-" + i, DemoCamera.generated(clip, dir.resolve("cam-" + i)));
        }
        JobConfig defaults = JobConfig.defaults();
        JobConfig config =
                defaults.withTracing(defaults.tracing().withRecipe(Preset.FAST.config()));
        AtomicReference<URI> views = new AtomicReference<>();
        AtomicReference<Map<String, JsonNode>> answers = new AtomicReference<>();
        AtomicReference<DemoOutputs> published = new AtomicReference<>();

        try {
            new StreamingDemo(
                            new StreamingDemo.Options(
                                    cameras, 20, config, 2, true, Duration.ofSeconds(120)))
                    .run(
                            new StreamingDemo.Listener() {
                                @Override
                                public void viewsStarted(URI url) {
                                    views.set(url);
                                }

                                @Override
                                public void resultsIn(DemoOutputs outputs) {
                                    published.set(outputs);
                                    answers.set(awaitAnswers(views.get(), outputs));
                                    Thread.currentThread().interrupt(); // end the demo here
                                }
                            });
        } catch (InterruptedException endedByTheTest) {
            // expected
        }

        assertThat(published.get().complete()).isTrue();
        Map<String, TrackUpdate> last = lastUpdates(published.get());
        assertThat(last).hasSize(6);
        for (TrackUpdate u : last.values()) {
            JsonNode track = answers.get().get(u.getCameraId() + "/" + u.getPointId());
            assertThat(track).as(u.getCameraId() + "/" + u.getPointId()).isNotNull();
            assertThat(track.get("sequence").asLong()).isEqualTo(u.getSequence());
            assertThat(track.get("x").asDouble()).isEqualTo(u.getX());
            assertThat(track.get("y").asDouble()).isEqualTo(u.getY());
            assertThat(track.get("visible").asBoolean()).isEqualTo(u.getVisible());
        }
    }

    /** The service's tracks once they have caught up with the job's last updates. */
    private static Map<String, JsonNode> awaitAnswers(URI base, DemoOutputs outputs) {
        Map<String, TrackUpdate> last = lastUpdates(outputs);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, JsonNode> answers = new HashMap<>();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> {
                            answers.clear();
                            for (String camera : new String[] {"cam-1", "cam-2"}) {
                                HttpResponse<String> r =
                                        http.send(
                                                HttpRequest.newBuilder(
                                                                base.resolve(
                                                                        "/api/cameras/"
                                                                                + camera
                                                                                + "/tracks"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString());
                                for (JsonNode t : JSON.readTree(r.body())) {
                                    answers.put(camera + "/" + t.get("id").asText(), t);
                                }
                            }
                            return last.values().stream()
                                    .allMatch(
                                            u -> {
                                                JsonNode t =
                                                        answers.get(
                                                                u.getCameraId()
                                                                        + "/"
                                                                        + u.getPointId());
                                                return t != null
                                                        && t.get("sequence").asLong()
                                                                == u.getSequence();
                                            });
                        });
        return Map.copyOf(answers);
    }

    private static Map<String, TrackUpdate> lastUpdates(DemoOutputs outputs) {
        Map<String, TrackUpdate> last = new HashMap<>();
        for (TrackUpdate u : outputs.updates()) {
            if (u.getStatus() == TrackStatus.REMOVED) {
                continue;
            }
            last.merge(
                    u.getCameraId() + "/" + u.getPointId(),
                    u,
                    (a, b) -> b.getSequence() > a.getSequence() ? b : a);
        }
        return last;
    }
}
