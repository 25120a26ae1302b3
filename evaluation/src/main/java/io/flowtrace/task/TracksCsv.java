package io.flowtrace.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes track files ({@code gt.csv} and predictions): header {@code id,t,x,y,visible},
 * one row per query and target frame.
 */
public final class TracksCsv {

    /** The header line's columns. */
    public static final List<String> HEADER = List.of("id", "t", "x", "y", "visible");

    private TracksCsv() {}

    /**
     * The track points in file order.
     *
     * @throws TaskFormatException naming file and line when the file is missing or malformed, a
     *     value is not a (finite) number, t is negative, visible is not 0/1, or an (id, t) pair
     *     repeats
     */
    public static List<TrackPoint> read(Path file) {
        List<TrackPoint> points = new ArrayList<>();
        Map<Long, Long> firstLineOfKey = new HashMap<>();
        for (CsvRow row : CsvRows.read(file, HEADER)) {
            int id = row.integer(0);
            int t = row.frameIndex(1);
            double x = row.coordinate(2);
            double y = row.coordinate(3);
            boolean visible = row.flag(4);
            Long previous = firstLineOfKey.putIfAbsent(((long) id << 32) | t, row.line());
            if (previous != null) {
                throw row.error(
                        "duplicate row for id "
                                + id
                                + ", t "
                                + t
                                + " (first on line "
                                + previous
                                + ")");
            }
            points.add(new TrackPoint(id, t, x, y, visible));
        }
        return List.copyOf(points);
    }

    /**
     * Atomically replaces {@code file} with {@code points}, coordinates at 3 decimals: a failure
     * never leaves a partial file behind.
     */
    public static void write(Path file, List<TrackPoint> points) {
        CsvWriting.write(
                file,
                HEADER,
                points,
                p ->
                        List.of(
                                Integer.toString(p.id()),
                                Integer.toString(p.t()),
                                CsvWriting.coordinate(p.x()),
                                CsvWriting.coordinate(p.y()),
                                p.visible() ? "1" : "0"));
    }
}
