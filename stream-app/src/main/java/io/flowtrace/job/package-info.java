/**
 * The Flink functions of the tracking job, in the order data flows through them: {@link
 * io.flowtrace.job.FramePairingFunction} (frames to consecutive pairs), {@link
 * io.flowtrace.job.QueryRegistryFunction} (pairs and queries to tracking requests), {@link
 * io.flowtrace.job.KlTracingOperator} (requests to estimates, one camera pair at a time) and {@link
 * io.flowtrace.job.TrackStateFunction} (estimates to flow results and track updates).
 *
 * <p>Values between them are public Java records whose fields Flink's type extractor understands
 * (strings, primitives, enums, lists and the generated Avro records), so they travel with Flink's
 * POJO and Avro serializers and never fall back to Kryo; {@code ValueTypesTest} checks this.
 * Configuration is one immutable, serializable record per function, gathered in {@link
 * io.flowtrace.job.JobConfig}. Semantics are described in {@code docs/tracking-job.md}.
 */
package io.flowtrace.job;
