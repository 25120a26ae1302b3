package io.flowtrace.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code queries.csv}: header {@code id,t,x,y}, one row per query. */
public final class QueriesCsv {

    /** The header line's columns. */
    public static final List<String> HEADER = List.of("id", "t", "x", "y");

    private QueriesCsv() {}

    /**
     * The queries in file order.
     *
     * @throws TaskFormatException naming file and line when the file is missing or malformed, a
     *     value is not a (finite) number, t is negative or an id repeats
     */
    public static List<Query> read(Path file) {
        List<Query> queries = new ArrayList<>();
        Map<Integer, Long> firstLineOfId = new HashMap<>();
        for (CsvRow row : CsvRows.read(file, HEADER)) {
            int id = row.integer(0);
            Long previous = firstLineOfId.putIfAbsent(id, row.line());
            if (previous != null) {
                throw row.error("duplicate query id " + id + " (first on line " + previous + ")");
            }
            queries.add(new Query(id, row.frameIndex(1), row.coordinate(2), row.coordinate(3)));
        }
        return List.copyOf(queries);
    }

    /** Atomically replaces {@code file} with {@code queries}, coordinates at 3 decimals. */
    public static void write(Path file, List<Query> queries) {
        CsvWriting.write(
                file,
                HEADER,
                queries,
                q ->
                        List.of(
                                Integer.toString(q.id()),
                                Integer.toString(q.t()),
                                CsvWriting.coordinate(q.x()),
                                CsvWriting.coordinate(q.y())));
    }
}
