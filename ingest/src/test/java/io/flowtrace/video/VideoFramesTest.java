package io.flowtrace.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.frames.FrameReadException;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFramesTest {

    @TempDir Path dir;

    private static List<RgbImage> frames() {
        return SyntheticClip.generate(
                        SceneSpec.builder().size(48, 32).frames(3).queries(1).seed(5).build())
                .frames();
    }

    private static int largestDifference(RgbImage a, RgbImage b) {
        int largest = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            largest = Math.max(largest, Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF)));
        }
        return largest;
    }

    @Test
    void decodesEveryFrameInRgbOrderWithItsSize() {
        List<RgbImage> originals = frames();
        Path file = TestVideos.writeLossless(originals, dir.resolve("clip.mkv"));

        try (VideoFrames video = VideoFrames.open(file)) {
            assertThat(video.size()).isEqualTo(3);
            assertThat(video.width()).isEqualTo(48);
            assertThat(video.height()).isEqualTo(32);
            for (int t = 0; t < 3; t++) {
                assertThat(largestDifference(video.frame(t), originals.get(t)))
                        .as("largest channel difference in frame %d", t)
                        .isLessThanOrEqualTo(2);
            }
            assertThat(video.describe(2)).isEqualTo("clip.mkv frame 2");
        }
    }

    @Test
    void rejectsIndexOutsideTheClip() {
        Path file = TestVideos.writeLossless(frames(), dir.resolve("clip.mkv"));

        try (VideoFrames video = VideoFrames.open(file)) {
            assertThatThrownBy(() -> video.frame(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void rejectsCorruptFileNamingIt() throws IOException {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Path file = Files.write(dir.resolve("broken.mp4"), noise);

        assertThatThrownBy(() -> VideoFrames.open(file))
                .isInstanceOf(FrameReadException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void rejectsFileWithoutVideoFrames() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "id,t,x,y\n0,0,1,1\n");

        assertThatThrownBy(() -> VideoFrames.open(file))
                .isInstanceOf(FrameReadException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("missing.mkv");

        assertThatThrownBy(() -> VideoFrames.open(file))
                .isInstanceOf(FrameReadException.class)
                .hasMessage(file + ": video file not found");
    }
}
