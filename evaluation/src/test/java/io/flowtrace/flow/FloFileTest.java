package io.flowtrace.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloFileTest {

    @TempDir Path dir;

    @Test
    void writesTheMiddleburyLayoutByteForByte() throws Exception {
        FlowField flow = new FlowField(2, 1, new float[] {1.5f, -2f}, new float[] {0.25f, 3f});
        Path file = dir.resolve("tiny.flo");

        FloFile.write(flow, file);

        byte[] expected = {
            'P',
            'I',
            'E',
            'H', // 202021.25f little-endian
            2,
            0,
            0,
            0, // width
            1,
            0,
            0,
            0, // height
            0x00,
            0x00,
            (byte) 0xC0,
            0x3F, // u(0,0) = 1.5
            0x00,
            0x00,
            (byte) 0x80,
            0x3E, // v(0,0) = 0.25
            0x00,
            0x00,
            0x00,
            (byte) 0xC0, // u(1,0) = -2
            0x00,
            0x00,
            0x40,
            0x40, // v(1,0) = 3
        };
        assertThat(Files.readAllBytes(file)).containsExactly(expected);
        assertThat(FloFile.read(file)).isEqualTo(flow);
    }

    @Test
    void roundTripKeepsValuesAndUnknownPixels() {
        FlowField flow =
                TestFlows.of(
                        5,
                        3,
                        (x, y) -> x == 2 && y == 1 ? Float.NaN : x * 0.5f - y,
                        (x, y) -> x == 2 && y == 1 ? Float.NaN : -x);
        Path file = dir.resolve("flow.flo");

        FloFile.write(flow, file);
        FlowField read = FloFile.read(file);

        assertThat(read).isEqualTo(flow);
        assertThat(read.known(2, 1)).isFalse();
        assertThat(read.v(2, 1)).isNaN();
        assertThat(read.u(4, 2)).isEqualTo(0.0f);
        assertThat(read.v(4, 2)).isEqualTo(-4.0f);
    }

    @Test
    void writesUnknownAsTenToTheTenInBothComponents() throws Exception {
        FlowField flow = new FlowField(1, 1, new float[] {3f}, new float[] {Float.NaN});
        Path file = dir.resolve("unknown.flo");

        FloFile.write(flow, file);

        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getFloat(12)).isEqualTo(1e10f);
        assertThat(data.getFloat(16)).isEqualTo(1e10f);
    }

    @Test
    void readsValuesBeyondOneBillionAsUnknown() throws Exception {
        Path file = flo(dir.resolve("big.flo"), 3, 1, 1.5f, 2e9f, -1e9f, 4f, 7f, Float.NaN);

        FlowField flow = FloFile.read(file);

        assertThat(flow.known(0, 0)).isFalse();
        assertThat(flow.u(0, 0)).isNaN(); // both components unknown, though u was fine
        assertThat(flow.known(1, 0)).isTrue(); // exactly 1e9 is still a value
        assertThat(flow.u(1, 0)).isEqualTo(-1e9f);
        assertThat(flow.known(2, 0)).isFalse();
    }

    @Test
    void badMagicNamesTheFileAndTheValueFound() throws Exception {
        Path file = dir.resolve("png.flo");
        byte[] bytes = Files.readAllBytes(flo(file, 1, 1, 0f, 0f));
        bytes[0] = (byte) 0x89;
        Files.write(file, bytes);

        assertThatThrownBy(() -> FloFile.read(file))
                .isInstanceOf(FlowFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("bad magic number")
                .hasMessageContaining("bytes 89 49 45 48")
                .hasMessageContaining("202021.25");
    }

    @Test
    void truncatedDataReportsExpectedAndActualBytes() throws Exception {
        Path file = dir.resolve("short.flo");
        byte[] bytes = Files.readAllBytes(flo(file, 4, 2, new float[16]));
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(() -> FloFile.read(file))
                .isInstanceOf(FlowFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("4x2 flow needs 76 bytes, file has 71");
    }

    @Test
    void trailingBytesAreAnError() throws Exception {
        Path file = dir.resolve("long.flo");
        byte[] bytes = Files.readAllBytes(flo(file, 1, 1, 1f, 2f));
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));

        assertThatThrownBy(() -> FloFile.read(file))
                .isInstanceOf(FlowFormatException.class)
                .hasMessageContaining("trailing bytes")
                .hasMessageContaining("needs 20 bytes, file has 23");
    }

    @Test
    void headerShorterThanTwelveBytesIsAnError() throws Exception {
        Path file = Files.write(dir.resolve("stub.flo"), new byte[] {'P', 'I', 'E', 'H', 1});

        assertThatThrownBy(() -> FloFile.read(file))
                .isInstanceOf(FlowFormatException.class)
                .hasMessageContaining("too short for a .flo header: 5 bytes");
    }

    @Test
    void nonPositiveOrAbsurdSizesAreErrors() throws Exception {
        Path zero = flo(dir.resolve("zero.flo"), 0, 3);
        Path negative = flo(dir.resolve("negative.flo"), 2, -1);
        Path huge = flo(dir.resolve("huge.flo"), 1 << 20, 1 << 20);

        assertThatThrownBy(() -> FloFile.read(zero)).hasMessageContaining("0x3");
        assertThatThrownBy(() -> FloFile.read(negative)).hasMessageContaining("2x-1");
        assertThatThrownBy(() -> FloFile.read(huge))
                .isInstanceOf(FlowFormatException.class)
                .hasMessageContaining("absurd size 1048576x1048576");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.flo");

        assertThatThrownBy(() -> FloFile.read(file))
                .isInstanceOf(FlowFormatException.class)
                .hasMessage(file + ": file not found");
    }

    /** Writes a .flo by hand: the right magic, the given header size and raw floats. */
    private static Path flo(Path file, int width, int height, float... values) throws Exception {
        ByteBuffer bytes =
                ByteBuffer.allocate(12 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(FloFile.MAGIC).putInt(width).putInt(height);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return Files.write(file, bytes.array());
    }
}
