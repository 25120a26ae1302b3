package io.flowtrace.cli.internal;

import io.flowtrace.tracer.TracerConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code flowtrace track} was asked to do, parsed and validated once.
 *
 * @param frames where the clip's frames come from
 * @param queries the {@code queries.csv} file
 * @param out the predictions file to write
 * @param method how each frame pair is tracked
 * @param protocol which frame pairs are tracked
 * @param recipe the KL-tracing recipe (methods may adjust it, e.g. its readout)
 * @param reanchorAfter the {@link Protocol#ANCHORED} protocol's re-anchoring ({@link
 *     io.flowtrace.tracer.Reanchoring})
 */
public record TrackOptions(
        FrameSource frames,
        Path queries,
        Path out,
        Method method,
        Protocol protocol,
        TracerConfig recipe,
        int reanchorAfter) {

    public TrackOptions {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(recipe, "recipe");
        io.flowtrace.tracer.Reanchoring.requireValid(reanchorAfter);
    }
}
