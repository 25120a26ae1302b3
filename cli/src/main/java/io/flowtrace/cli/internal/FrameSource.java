package io.flowtrace.cli.internal;

import io.flowtrace.frames.FrameSequence;
import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.video.VideoFrames;
import java.nio.file.Path;
import java.util.Objects;

/** Where a clip's frames come from. */
public sealed interface FrameSource {

    /** The directory or file, for messages. */
    Path path();

    /**
     * Opens the frames, checking they exist and share one size.
     *
     * @throws io.flowtrace.task.TaskFormatException naming the path when they do not
     */
    FrameSequence open();

    /** PNG or JPEG files in one directory, in file-name order. */
    record ImageDirectory(Path path) implements FrameSource {
        public ImageDirectory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public FrameSequence open() {
            return ImageDirectoryFrames.open(path);
        }
    }

    /** A video file decoded with FFmpeg. */
    record Video(Path path) implements FrameSource {
        public Video {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public FrameSequence open() {
            return VideoFrames.open(path);
        }
    }
}
