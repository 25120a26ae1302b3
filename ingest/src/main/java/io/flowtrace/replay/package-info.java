/**
 * {@code flowtrace replay}: re-produces a recorded topic's records from an offset or time range,
 * byte for byte and in a deterministic order, at real time or as fast as possible.
 */
package io.flowtrace.replay;
