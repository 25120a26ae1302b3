package io.flowtrace.ingest;

import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.video.VideoStream;
import io.flowtrace.video.VideoStream.TimedImage;
import java.nio.file.Path;
import java.util.Objects;

/** Where ingested frames come from. */
public sealed interface IngestSource {

    /**
     * Opens the source.
     *
     * @throws io.flowtrace.video.VideoSourceException or {@link
     *     io.flowtrace.task.TaskFormatException} naming the source when it cannot be opened
     */
    FrameReader open();

    /** A video file. */
    record VideoFile(Path file) implements IngestSource {
        public VideoFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public FrameReader open() {
            return new StreamReader(VideoStream.file(file), false);
        }
    }

    /** A network stream such as {@code rtsp://camera/stream}. */
    record StreamUrl(String url) implements IngestSource {
        public StreamUrl {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public FrameReader open() {
            return new StreamReader(VideoStream.url(url), true);
        }
    }

    /** A capture device such as {@code /dev/video0}. */
    record Device(String device) implements IngestSource {
        public Device {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public FrameReader open() {
            return new StreamReader(VideoStream.device(device), true);
        }
    }

    /** PNG or JPEG images in one folder, in name order, {@code fps} frames per second. */
    record FrameDirectory(Path dir, double fps) implements IngestSource {
        public FrameDirectory {
            Objects.requireNonNull(dir, "dir");
            if (!(fps > 0 && Double.isFinite(fps))) {
                throw new IllegalArgumentException("frame rate must be positive, was " + fps);
            }
        }

        @Override
        public FrameReader open() {
            ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir);
            return new FrameReader() {
                private int next;

                @Override
                public TimedImage next() {
                    if (next >= frames.size()) {
                        return null;
                    }
                    long micros = Math.round(next * 1e6 / fps);
                    return new TimedImage(frames.frame(next++), micros);
                }

                @Override
                public boolean live() {
                    return false;
                }

                @Override
                public String describe() {
                    return dir.toString();
                }

                @Override
                public void close() {
                    frames.close();
                }
            };
        }
    }

    /** Adapts a {@link VideoStream}. */
    final class StreamReader implements FrameReader {
        private final VideoStream stream;
        private final boolean live;

        StreamReader(VideoStream stream, boolean live) {
            this.stream = stream;
            this.live = live;
        }

        @Override
        public TimedImage next() {
            return stream.next();
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public String describe() {
            return stream.source();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
