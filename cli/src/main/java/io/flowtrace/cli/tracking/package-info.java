/**
 * What every tracking method offers the offline protocols: a {@link
 * io.flowtrace.cli.tracking.PairTracker} moves points from one frame to the next, and {@link
 * io.flowtrace.cli.tracking.Tracks} collects their estimates into tracks. KL-tracing and the OpenCV
 * baselines implement it; the protocols in {@code internal} drive it.
 */
package io.flowtrace.cli.tracking;
