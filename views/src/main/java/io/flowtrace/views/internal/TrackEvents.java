package io.flowtrace.views.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.views.internal.Payloads.FrameInfo;
import io.flowtrace.views.internal.Payloads.Removed;
import io.flowtrace.views.internal.Payloads.Track;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-sent-event stream per client and camera: every period it looks at the camera's tracks
 * and frame (wherever they are kept) and sends what changed. {@code track}: a track's new state,
 * trail included; {@code removed}: a track that left; {@code frame}: a new viewer frame's facts.
 */
final class TrackEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TrackEvents.class);

    private final Supplier<Views> views;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final ObjectMapper json;

    TrackEvents(
            Supplier<Views> views,
            ScheduledExecutorService scheduler,
            Duration period,
            ObjectMapper json) {
        this.views = views;
        this.scheduler = scheduler;
        this.period = period;
        this.json = json;
    }

    /** Starts streaming {@code camera} to {@code client} until it goes away. */
    void open(SseClient client, String camera) {
        client.keepAlive();
        Stream stream = new Stream(client, camera);
        ScheduledFuture<?> task =
                scheduler.scheduleWithFixedDelay(
                        stream::poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        stream.task = task;
        client.onClose(() -> task.cancel(false));
    }

    /** The client went away in the middle of a round. */
    private static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGone() {
            super(null, null, false, false);
        }
    }

    private final class Stream {
        private final SseClient client;
        private final String camera;
        private final Map<String, Long> sent = new HashMap<>();
        private long frame = Long.MIN_VALUE;
        private volatile ScheduledFuture<?> task;

        Stream(SseClient client, String camera) {
            this.client = client;
            this.camera = camera;
        }

        void poll() {
            if (client.terminated()) {
                return;
            }
            try {
                Views v = views.get();
                Set<String> now = new HashSet<>();
                for (Track t : v.tracks(camera)) {
                    now.add(t.id());
                    Long before = sent.put(t.id(), t.sequence());
                    if (before == null || before != t.sequence()) {
                        send("track", t);
                    }
                }
                for (String id : Set.copyOf(sent.keySet())) {
                    if (!now.contains(id)) {
                        sent.remove(id);
                        send("removed", new Removed(id));
                    }
                }
                Optional<FrameInfo> info = v.frameInfo(camera);
                if (info.isPresent() && info.get().sequence() != frame) {
                    frame = info.get().sequence();
                    send("frame", info.get());
                }
            } catch (ClientGone gone) {
                LOG.debug("event stream of camera {} closed by its client", camera);
            } catch (RuntimeException e) {
                // not ready, or an owner that did not answer: try again next period
                LOG.debug("event stream of camera {}: {}", camera, e.toString());
            }
        }

        /** Sends one event, or stops the stream once the client has gone. */
        private void send(String event, Object payload) {
            if (client.terminated()) {
                ScheduledFuture<?> t = task;
                if (t != null) {
                    t.cancel(false);
                }
                throw new ClientGone();
            }
            client.sendEvent(event, text(payload));
        }

        private String text(Object payload) {
            try {
                return json.writeValueAsString(payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + payload, e);
            }
        }
    }
}
