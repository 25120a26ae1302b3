/**
 * Frames as images: the {@code Frame} record's bytes to and from {@link
 * io.flowtrace.inference.RgbImage} ({@link io.flowtrace.frames.FrameEncoder}, {@link
 * io.flowtrace.frames.FrameDecoding}), image files, and frame sequences read from directories.
 * Ingest, the tracking job and the offline tasks all read and write frames through here.
 */
package io.flowtrace.frames;
