package io.flowtrace.views.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.views.internal.Payloads.FrameInfo;
import io.flowtrace.views.internal.Payloads.Summary;
import io.flowtrace.views.internal.Payloads.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers for every camera: from this instance's stores when it owns the camera's partition of the
 * store asked, otherwise by asking the owner over HTTP (with {@link #FORWARDED} set, so the owner
 * answers from its own stores and never forwards again). A camera's tracks, summaries and frames
 * come from three topics and may live on three instances.
 */
public final class RoutedViews implements Views {

    /** Request header that marks a forwarded request: answer from local stores. */
    public static final String FORWARDED = "X-Flowtrace-Forwarded";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalViews local;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();

    public RoutedViews(KafkaStreams streams, HostInfo self, LocalViews local, ObjectMapper json) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.json = json;
    }

    @Override
    public SortedSet<String> cameras() {
        SortedSet<String> all = new TreeSet<>(local.cameras());
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (!instance.hostInfo().equals(self)) {
                all.addAll(
                        json(
                                get(instance.hostInfo(), "/api/cameras"),
                                new TypeReference<List<String>>() {}));
            }
        }
        return all;
    }

    @Override
    public List<Track> tracks(String camera) {
        return owner(StoreNames.TRACKS, camera)
                .map(
                        h ->
                                json(
                                        get(h, path(camera, "/tracks")),
                                        new TypeReference<List<Track>>() {}))
                .orElseGet(() -> local.tracks(camera));
    }

    @Override
    public Optional<Track> track(String camera, String id) {
        Optional<HostInfo> owner = owner(StoreNames.TRACKS, camera);
        if (owner.isEmpty()) {
            return local.track(camera, id);
        }
        HttpResponse<byte[]> r = get(owner.get(), path(camera, "/tracks/" + encode(id)));
        return r.statusCode() == 404
                ? Optional.empty()
                : Optional.of(json(r, new TypeReference<Track>() {}));
    }

    @Override
    public List<Summary> summaries(String camera, Instant from, Instant to) {
        return owner(StoreNames.SUMMARIES, camera)
                .map(
                        h ->
                                json(
                                        get(
                                                h,
                                                path(camera, "/summaries")
                                                        + "?from="
                                                        + from.toEpochMilli()
                                                        + "&to="
                                                        + to.toEpochMilli()),
                                        new TypeReference<List<Summary>>() {}))
                .orElseGet(() -> local.summaries(camera, from, to));
    }

    @Override
    public Optional<FrameInfo> frameInfo(String camera) {
        Optional<HostInfo> owner = owner(StoreNames.FRAMES, camera);
        if (owner.isEmpty()) {
            return local.frameInfo(camera);
        }
        HttpResponse<byte[]> r = get(owner.get(), path(camera, "/frame/info"));
        return r.statusCode() == 404
                ? Optional.empty()
                : Optional.of(json(r, new TypeReference<FrameInfo>() {}));
    }

    @Override
    public Optional<Picture> picture(String camera) {
        Optional<HostInfo> owner = owner(StoreNames.FRAMES, camera);
        if (owner.isEmpty()) {
            return local.picture(camera);
        }
        HttpResponse<byte[]> r = get(owner.get(), path(camera, "/frame"));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        ok(r);
        return Optional.of(new Picture(FrameHeaders.read(r.headers()), r.body()));
    }

    /**
     * The instance owning {@code camera}'s partition of {@code store}; empty when it is this one.
     */
    private Optional<HostInfo> owner(String store, String camera) {
        KeyQueryMetadata at = streams.queryMetadataForKey(store, camera, new StringSerializer());
        if (at == null || at.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new NotReadyException(
                    "no instance owns "
                            + store
                            + " of camera "
                            + camera
                            + " now ("
                            + streams.state()
                            + ")",
                    null);
        }
        return at.activeHost().equals(self) ? Optional.empty() : Optional.of(at.activeHost());
    }

    private HttpResponse<byte[]> get(HostInfo host, String path) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path);
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED, "1").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("instance " + host + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while asking " + host, e);
        }
    }

    private <T> T json(HttpResponse<byte[]> r, TypeReference<T> type) {
        ok(r);
        try {
            return json.readValue(r.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer from " + r.uri(), e);
        }
    }

    private static void ok(HttpResponse<byte[]> r) {
        if (r.statusCode() == 503) {
            throw new NotReadyException(r.uri() + " is not ready", null);
        }
        if (r.statusCode() != 200) {
            throw new UncheckedIOException(
                    new IOException(r.uri() + " answered " + r.statusCode()));
        }
    }

    private static String path(String camera, String rest) {
        return "/api/cameras/" + encode(camera) + rest;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
