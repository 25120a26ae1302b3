package io.flowtrace.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.views.internal.QueryPublisher;
import io.flowtrace.views.internal.StreamsProperties;
import io.flowtrace.views.internal.ViewsApi;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the views service: the Kafka Streams application of {@link ViewsTopology} and the
 * HTTP server that answers from its stores (forwarding to the instance that owns a camera when it
 * is not this one) and serves the viewer at {@code /}. Closing it stops both.
 */
public final class ViewsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewsService.class);

    private final Javalin http;
    private final KafkaStreams streams;
    private final QueryPublisher queries;
    private final ScheduledExecutorService scheduler;
    private final ViewsCounters counters;
    private final URI url;
    private final CountDownLatch stopped;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ViewsService(
            Javalin http,
            KafkaStreams streams,
            QueryPublisher queries,
            ScheduledExecutorService scheduler,
            ViewsCounters counters,
            URI url,
            CountDownLatch stopped) {
        this.stopped = stopped;
        this.http = http;
        this.streams = streams;
        this.queries = queries;
        this.scheduler = scheduler;
        this.counters = counters;
        this.url = url;
    }

    /** Starts the HTTP server, then the Kafka Streams application; returns without waiting. */
    public static ViewsService start(ViewsConfig config) {
        ViewsCounters counters = new ViewsCounters();
        ObjectMapper json = new ObjectMapper();
        ScheduledExecutorService scheduler =
                Executors.newScheduledThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "flowtrace-views-events");
                            t.setDaemon(true);
                            return t;
                        });
        QueryPublisher queries =
                new QueryPublisher(config.bootstrapServers(), config.topics().trackQueries());
        ViewsApi api = new ViewsApi(counters, queries, scheduler, config.eventPeriod(), json);
        Javalin http =
                Javalin.create(
                        c -> {
                            c.showJavalinBanner = false;
                            c.jsonMapper(new JavalinJackson(json, false));
                            c.staticFiles.add("/io/flowtrace/views/web", Location.CLASSPATH);
                        });
        api.register(http);
        http.start(config.httpHost(), config.httpPort());
        HostInfo self = new HostInfo(config.advertisedHost(), http.port());
        KafkaStreams streams =
                new KafkaStreams(
                        ViewsTopology.build(config, counters),
                        StreamsProperties.of(config, self.host() + ":" + self.port()));
        streams.setUncaughtExceptionHandler(
                e -> {
                    LOG.error("views stream thread failed; replacing it", e);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener(
                (now, before) -> {
                    if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                        stopped.countDown();
                    }
                });
        api.attach(streams, self, config.summaryWindow());
        streams.start();
        URI url = URI.create("http://" + self.host() + ":" + self.port() + "/");
        LOG.info(
                "views service {} at {}: {} and {} into tracks and {} windows of summaries",
                config.applicationId(),
                url,
                config.topics().trackUpdates(),
                config.topics().flowResults(),
                config.summaryWindow());
        return new ViewsService(http, streams, queries, scheduler, counters, url, stopped);
    }

    /** Where the viewer and the API are served, e.g. {@code http://127.0.0.1:8070/}. */
    public URI url() {
        return url;
    }

    /** The Kafka Streams application's state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** What the service has set aside so far. */
    public ViewsCounters counters() {
        return counters;
    }

    /** Waits until the Kafka Streams application stops, by {@link #close()} or by failing. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop();
        scheduler.shutdownNow();
        streams.close(Duration.ofSeconds(30));
        queries.close();
    }
}
