package io.flowtrace.inference.grpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a KServe v2 gRPC server listens: {@code grpc://host:port} (plaintext) or {@code
 * grpcs://host:port} (TLS).
 *
 * @param host host name or address; IPv6 addresses without brackets
 * @param port TCP port, 1 to 65535
 * @param tls whether the connection uses TLS
 */
public record GrpcTarget(String host, int port, boolean tls) {

    public GrpcTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
        }
    }

    /** Parses {@code grpc://host:port} or {@code grpcs://host:port}. */
    public static GrpcTarget parse(String text) {
        Objects.requireNonNull(text, "target");
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid(text, e);
        }
        String scheme = uri.getScheme();
        boolean known = "grpc".equals(scheme) || "grpcs".equals(scheme);
        String path = uri.getRawPath();
        if (!known
                || uri.getHost() == null
                || uri.getPort() < 0
                || (path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(text, null);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new GrpcTarget(host, uri.getPort(), "grpcs".equals(scheme));
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        return new IllegalArgumentException(
                "a model server address looks like grpc://host:port or grpcs://host:port, was '"
                        + text
                        + "'",
                cause);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "grpcs://" : "grpc://") + h + ":" + port;
    }
}
