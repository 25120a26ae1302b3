package io.flowtrace.views;

import java.nio.file.Path;
import java.time.Duration;

/** Changes a {@link ViewsConfig} one setting at a time; {@link #build()} validates the result. */
public final class ViewsConfigBuilder {

    private String bootstrapServers;
    private String applicationId;
    private Path stateDir;
    private String httpHost;
    private int httpPort;
    private String advertisedHost;
    private int trailLength;
    private Duration trackTtl;
    private Duration summaryWindow;
    private Duration summaryGrace;
    private Duration summaryRetention;
    private int frameMaxWidth;
    private Duration frameInterval;
    private Duration eventPeriod;
    private ViewsConfig.ViewsTopics topics;

    ViewsConfigBuilder(ViewsConfig c) {
        bootstrapServers = c.bootstrapServers();
        applicationId = c.applicationId();
        stateDir = c.stateDir();
        httpHost = c.httpHost();
        httpPort = c.httpPort();
        advertisedHost = c.advertisedHost();
        trailLength = c.trailLength();
        trackTtl = c.trackTtl();
        summaryWindow = c.summaryWindow();
        summaryGrace = c.summaryGrace();
        summaryRetention = c.summaryRetention();
        frameMaxWidth = c.frameMaxWidth();
        frameInterval = c.frameInterval();
        eventPeriod = c.eventPeriod();
        topics = c.topics();
    }

    public ViewsConfigBuilder applicationId(String id) {
        applicationId = id;
        return this;
    }

    public ViewsConfigBuilder stateDir(Path dir) {
        stateDir = dir;
        return this;
    }

    /** Binds to {@code host}:{@code port} and tells other instances to reach this one at host. */
    public ViewsConfigBuilder http(String host, int port) {
        httpHost = host;
        advertisedHost = host;
        httpPort = port;
        return this;
    }

    public ViewsConfigBuilder advertisedHost(String host) {
        advertisedHost = host;
        return this;
    }

    public ViewsConfigBuilder trailLength(int n) {
        trailLength = n;
        return this;
    }

    public ViewsConfigBuilder trackTtl(Duration ttl) {
        trackTtl = ttl;
        return this;
    }

    /** Tumbling windows of {@code size}, counting records up to {@code grace} after their end. */
    public ViewsConfigBuilder summaryWindow(Duration size, Duration grace) {
        summaryWindow = size;
        summaryGrace = grace;
        return this;
    }

    public ViewsConfigBuilder summaryRetention(Duration retention) {
        summaryRetention = retention;
        return this;
    }

    public ViewsConfigBuilder frameMaxWidth(int width) {
        frameMaxWidth = width;
        return this;
    }

    public ViewsConfigBuilder frameInterval(Duration interval) {
        frameInterval = interval;
        return this;
    }

    public ViewsConfigBuilder eventPeriod(Duration period) {
        eventPeriod = period;
        return this;
    }

    public ViewsConfigBuilder topics(ViewsConfig.ViewsTopics t) {
        topics = t;
        return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming a bad setting. */
    public ViewsConfig build() {
        return new ViewsConfig(
                bootstrapServers,
                applicationId,
                stateDir,
                httpHost,
                httpPort,
                advertisedHost,
                trailLength,
                trackTtl,
                summaryWindow,
                summaryGrace,
                summaryRetention,
                frameMaxWidth,
                frameInterval,
                eventPeriod,
                topics);
    }
}
