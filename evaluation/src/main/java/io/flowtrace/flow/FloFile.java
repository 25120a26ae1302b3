package io.flowtrace.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads and writes Middlebury {@code .flo} files: float32 magic 202021.25 (the bytes "PIEH"), int32
 * width, int32 height, then (u, v) float32 pairs row by row, all little-endian. Values beyond ±1e9
 * mean "unknown" and are read as {@link Float#NaN}; unknown pixels are written as 1e10.
 */
public final class FloFile {

    /** The magic number every {@code .flo} file starts with. */
    public static final float MAGIC = 202021.25f;

    private static final int HEADER_BYTES = 12;
    private static final float UNKNOWN_THRESHOLD = 1e9f;
    private static final float UNKNOWN_WRITTEN = 1e10f;

    /** Sides beyond this are taken for a corrupt header rather than a real flow field. */
    private static final int MAX_SIDE = 1 << 16;

    /** The most pixels whose data fit one byte buffer. */
    private static final long MAX_PIXELS = (Integer.MAX_VALUE - HEADER_BYTES) / 8;

    private FloFile() {}

    /**
     * The flow field in {@code file}; a pixel with either component beyond ±1e9 (or NaN) is unknown
     * in both.
     *
     * @throws FlowFormatException naming the file when it is missing, has a bad magic number or
     *     size, or is shorter or longer than its header says
     */
    public static FlowField read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new FlowFormatException(
                        file, "too short for a .flo header: " + size + " bytes, need 12");
            }
            ByteBuffer header = readFully(channel, HEADER_BYTES);
            checkMagic(file, header);
            int width = header.getInt();
            int height = header.getInt();
            checkSize(file, width, height);
            long expected = HEADER_BYTES + 8L * width * height;
            if (size != expected) {
                throw new FlowFormatException(file, lengthProblem(width, height, expected, size));
            }
            return decode(width, height, readFully(channel, (int) (expected - HEADER_BYTES)));
        } catch (NoSuchFileException e) {
            throw new FlowFormatException(file, "file not found", e);
        } catch (IOException e) {
            throw new FlowFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code file} with {@code flow}; pixels whose flow is unknown (either component NaN
     * or infinite) are written as 1e10 in both components.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(FlowField flow, Path file) {
        int pixels = flow.width() * flow.height();
        ByteBuffer bytes =
                ByteBuffer.allocate(HEADER_BYTES + 8 * pixels).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(MAGIC).putInt(flow.width()).putInt(flow.height());
        float[] u = flow.u();
        float[] v = flow.v();
        for (int i = 0; i < pixels; i++) {
            boolean known = Float.isFinite(u[i]) && Float.isFinite(v[i]);
            bytes.putFloat(known ? u[i] : UNKNOWN_WRITTEN);
            bytes.putFloat(known ? v[i] : UNKNOWN_WRITTEN);
        }
        bytes.flip();
        try (FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("file ended early (changed while reading?)");
            }
        }
        return buffer.flip();
    }

    private static void checkMagic(Path file, ByteBuffer header) {
        float magic = header.getFloat();
        if (Float.floatToRawIntBits(magic) != Float.floatToRawIntBits(MAGIC)) {
            throw new FlowFormatException(
                    file,
                    String.format(
                            Locale.ROOT,
                            "bad magic number %s (bytes %02x %02x %02x %02x), expected %s"
                                    + " (\"PIEH\"): not a Middlebury .flo file",
                            magic,
                            header.get(0),
                            header.get(1),
                            header.get(2),
                            header.get(3),
                            MAGIC));
        }
    }

    private static void checkSize(Path file, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new FlowFormatException(
                    file, "size must be positive, header says " + width + "x" + height);
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new FlowFormatException(
                    file,
                    "absurd size "
                            + width
                            + "x"
                            + height
                            + " in header (sides up to "
                            + MAX_SIDE
                            + ", pixels up to "
                            + MAX_PIXELS
                            + "): corrupt file?");
        }
    }

    private static String lengthProblem(int width, int height, long expected, long actual) {
        String what = actual < expected ? "truncated" : "trailing bytes";
        return what
                + ": a "
                + width
                + "x"
                + height
                + " flow needs "
                + expected
                + " bytes, file has "
                + actual;
    }

    private static FlowField decode(int width, int height, ByteBuffer data) {
        // Hot path for large fields: one bulk view of the bytes, one pass over the pixels.
        FloatBuffer floats = data.asFloatBuffer();
        int pixels = width * height;
        float[] u = new float[pixels];
        float[] v = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            float du = floats.get();
            float dv = floats.get();
            boolean known = Math.abs(du) <= UNKNOWN_THRESHOLD && Math.abs(dv) <= UNKNOWN_THRESHOLD;
            u[i] = known ? du : Float.NaN;
            v[i] = known ? dv : Float.NaN;
        }
        return new FlowField(width, height, u, v);
    }
}
