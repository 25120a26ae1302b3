package io.flowtrace.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the views API, as a consumer would use it. */
final class ViewsHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ViewsHttp(URI base) {
        this.base = base;
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build());
    }

    JsonNode json(String path, String... headers) {
        HttpResponse<byte[]> r = get(path, headers);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    path
                            + " answered "
                            + r.statusCode()
                            + ": "
                            + new String(r.body(), StandardCharsets.UTF_8));
        }
        return parse(r.body());
    }

    HttpResponse<byte[]> post(String path, String body) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** The first {@code n} events of a server-sent-event stream, as "name: data" lines. */
    List<String> events(String path, int n) {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
        List<String> events = new ArrayList<>();
        try {
            HttpResponse<InputStream> r =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String name = null;
                String line;
                while (events.size() < n && (line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(name + ": " + line.substring(5).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
