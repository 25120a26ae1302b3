package io.flowtrace.views.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.views.ViewsCounters;
import io.flowtrace.views.internal.Payloads.Click;
import io.flowtrace.views.internal.Payloads.Error;
import io.flowtrace.views.internal.Payloads.FrameInfo;
import io.flowtrace.views.internal.Payloads.Query;
import io.flowtrace.views.internal.Payloads.Status;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The HTTP API: routes, their answers and their errors. Until {@link #attach} it answers 503, so
 * the server can start (and learn its port) before the Kafka Streams instance that needs the port.
 */
public final class ViewsApi {

    private final ViewsCounters counters;
    private final QueryPublisher queries;
    private final TrackEvents events;
    private final ObjectMapper json;
    private volatile KafkaStreams streams;
    private volatile LocalViews local;
    private volatile RoutedViews routed;
    private volatile String instance = "?";

    public ViewsApi(
            ViewsCounters counters,
            QueryPublisher queries,
            ScheduledExecutorService scheduler,
            Duration eventPeriod,
            ObjectMapper json) {
        this.counters = counters;
        this.queries = queries;
        this.json = json;
        this.events = new TrackEvents(this::routed, scheduler, eventPeriod, json);
    }

    /** Starts answering from {@code streams}, reached by other instances at {@code self}. */
    public void attach(
            KafkaStreams streams, org.apache.kafka.streams.state.HostInfo self, Duration window) {
        this.local = new LocalViews(streams, window);
        this.routed = new RoutedViews(streams, self, local, json);
        this.instance = self.host() + ":" + self.port();
        this.streams = streams;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/status", this::status);
        app.get("/api/cameras", ctx -> ctx.json(views(ctx).cameras()));
        app.get("/api/cameras/{camera}/tracks", ctx -> ctx.json(views(ctx).tracks(camera(ctx))));
        app.get("/api/cameras/{camera}/tracks/{id}", this::track);
        app.get("/api/cameras/{camera}/summaries", this::summaries);
        app.get("/api/cameras/{camera}/frame", this::frame);
        app.get("/api/cameras/{camera}/frame/info", this::frameInfo);
        app.post("/api/cameras/{camera}/queries", this::click);
        app.sse("/api/cameras/{camera}/events", c -> events.open(c, camera(c.ctx())));
        app.exception(
                NotReadyException.class, (e, ctx) -> fail(ctx, HttpStatus.SERVICE_UNAVAILABLE, e));
        // a store found can still go away (rebalancing) while it is read
        app.exception(
                InvalidStateStoreException.class,
                (e, ctx) -> fail(ctx, HttpStatus.SERVICE_UNAVAILABLE, e));
        app.exception(BadRequest.class, (e, ctx) -> fail(ctx, HttpStatus.BAD_REQUEST, e));
        app.exception(UncheckedIOException.class, (e, ctx) -> fail(ctx, HttpStatus.BAD_GATEWAY, e));
    }

    private void status(Context ctx) {
        KafkaStreams s = streams;
        ctx.json(
                new Status(
                        s == null ? "STARTING" : s.state().name(),
                        instance,
                        counters.deadLetters(),
                        counters.staleUpdates(),
                        counters.unreadableImages()));
    }

    private void track(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Payloads.Track> t = views(ctx).track(camera(ctx), id);
        if (t.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .json(new Error("camera " + camera(ctx) + " has no track " + id));
        } else {
            ctx.json(t.get());
        }
    }

    private void summaries(Context ctx) {
        Instant from = instant(ctx, "from", Instant.EPOCH);
        Instant to = instant(ctx, "to", Instant.ofEpochMilli(Long.MAX_VALUE / 2));
        if (to.isBefore(from)) {
            throw new BadRequest("to (" + to + ") is before from (" + from + ")");
        }
        ctx.json(views(ctx).summaries(camera(ctx), from, to));
    }

    private void frame(Context ctx) {
        Optional<Views.Picture> p = views(ctx).picture(camera(ctx));
        if (p.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .json(new Error("no frame of camera " + camera(ctx) + " yet"));
            return;
        }
        FrameHeaders.write(p.get().info(), ctx::header);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/jpeg").result(p.get().jpeg());
    }

    private void frameInfo(Context ctx) {
        Optional<FrameInfo> info = views(ctx).frameInfo(camera(ctx));
        if (info.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .json(new Error("no frame of camera " + camera(ctx) + " yet"));
        } else {
            ctx.json(info.get());
        }
    }

    private void click(Context ctx) {
        Click click;
        try {
            click = json.readValue(ctx.body(), Click.class);
        } catch (java.io.IOException e) {
            throw new BadRequest(
                    "the body is not a JSON object {\"x\":..,\"y\":..}: " + e.getMessage());
        }
        if (click.x() == null || click.y() == null) {
            throw new BadRequest("x and y are required");
        }
        double x = click.x();
        double y = click.y();
        if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0 || y < 0) {
            throw new BadRequest("x and y must be finite and >= 0, were " + x + ", " + y);
        }
        String camera = camera(ctx);
        Optional<FrameInfo> frame = views(ctx).frameInfo(camera);
        if (frame.isPresent() && (x >= frame.get().width() || y >= frame.get().height())) {
            throw new BadRequest(
                    "("
                            + x
                            + ", "
                            + y
                            + ") is outside camera "
                            + camera
                            + "'s frames of "
                            + frame.get().width()
                            + "x"
                            + frame.get().height());
        }
        TrackQuery q = queries.add(camera, x, y, click.frameSequence());
        ctx.status(HttpStatus.ACCEPTED)
                .json(new Query(camera, q.getQueryId(), q.getFrameSequence(), q.getX(), q.getY()));
    }

    private Views views(Context ctx) {
        return ctx.header(RoutedViews.FORWARDED) != null ? local() : routed();
    }

    private Views routed() {
        RoutedViews r = routed;
        if (r == null) {
            throw new NotReadyException("the service is starting", null);
        }
        return r;
    }

    private Views local() {
        LocalViews l = local;
        if (l == null) {
            throw new NotReadyException("the service is starting", null);
        }
        return l;
    }

    private static String camera(Context ctx) {
        return ctx.pathParam("camera");
    }

    private static Instant instant(Context ctx, String name, Instant otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return v.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochMilli(Long.parseLong(v))
                    : Instant.parse(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadRequest(
                    name + "=" + v + " is neither epoch milliseconds nor an ISO-8601 instant");
        }
    }

    private static void fail(Context ctx, HttpStatus status, Exception e) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status).json(new Error(e.getMessage()));
    }

    /** A request the API cannot answer as asked; the message says why. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
