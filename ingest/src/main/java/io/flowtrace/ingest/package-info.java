/**
 * {@code flowtrace ingest}: frames from a video, a stream, a capture device or a folder of images,
 * encoded, stamped with capture time and sequence number, and produced to the frames topic keyed by
 * camera.
 */
package io.flowtrace.ingest;
