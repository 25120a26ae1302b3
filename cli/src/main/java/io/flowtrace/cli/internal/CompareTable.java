package io.flowtrace.cli.internal;

import io.flowtrace.eval.Scores;
import io.flowtrace.frames.AtomicFiles;
import io.flowtrace.task.TaskFormatException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The comparison table: a CSV with every figure, and a Markdown rendering for people. */
public final class CompareTable {

    static final String[] HEADER = {
        "task",
        "method",
        "AD",
        "EPE",
        "deltaAvg",
        "OA",
        "AJ",
        "points",
        "visible",
        "missing",
        "ms_per_point",
        "passes_per_point",
        "pass_equivalents_per_point"
    };

    private static final CSVFormat WRITE =
            CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
    private static final CSVFormat READ =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private CompareTable() {}

    /** Writes {@code results} as CSV, replacing {@code file} atomically. */
    public static void writeCsv(Path file, List<CompareResult> results) {
        AtomicFiles.write(
                file,
                out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    try (CSVPrinter csv = new CSVPrinter(w, WRITE)) {
                        for (CompareResult r : results) {
                            Scores s = r.scores();
                            csv.printRecord(
                                    r.task(),
                                    r.contender(),
                                    num(s.ad()),
                                    num(s.epe()),
                                    num(s.deltaAvg()),
                                    num(s.oa()),
                                    num(s.aj()),
                                    s.points(),
                                    s.visible(),
                                    s.missing(),
                                    num(r.msPerPoint()),
                                    num(r.passesPerPoint()),
                                    num(r.passEquivalentsPerPoint()));
                        }
                    }
                });
    }

    /**
     * Reads a table written by {@link #writeCsv}.
     *
     * @throws TaskFormatException naming the file and line when a row is malformed
     */
    public static List<CompareResult> readCsv(Path file) {
        List<CompareResult> results = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : READ.parse(in)) {
                try {
                    results.add(parse(row));
                } catch (IllegalArgumentException e) {
                    throw new TaskFormatException(
                            file, row.getRecordNumber() + 1, "bad row: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return results;
    }

    private static CompareResult parse(CSVRecord row) {
        Scores s =
                new Scores(
                        Double.parseDouble(row.get("AD")),
                        Double.parseDouble(row.get("EPE")),
                        Double.parseDouble(row.get("deltaAvg")),
                        Double.parseDouble(row.get("OA")),
                        Double.parseDouble(row.get("AJ")),
                        Integer.parseInt(row.get("points")),
                        Integer.parseInt(row.get("visible")),
                        Integer.parseInt(row.get("missing")));
        return new CompareResult(
                row.get("task"),
                row.get("method"),
                s,
                Double.parseDouble(row.get("ms_per_point")),
                Double.parseDouble(row.get("passes_per_point")),
                row.isMapped("pass_equivalents_per_point")
                        ? Double.parseDouble(row.get("pass_equivalents_per_point"))
                        : Double.NaN); // written before tokens were counted
    }

    /**
     * A Markdown table per task, then the mean over tasks per method; AD and <δavg etc. in 256x256
     * space, EPE in native pixels.
     */
    public static String markdown(List<CompareResult> results) {
        return markdown(results, null);
    }

    /**
     * As {@link #markdown(List)}; with a {@code reference} method, the mean table says for every
     * method whether its <δavg stays within {@link #REFERENCE_MARGIN} points of the reference's on
     * every task (being better counts as within), and where it falls furthest behind.
     */
    public static String markdown(List<CompareResult> results, String reference) {
        StringBuilder md = new StringBuilder();
        md.append("| task | method | AD | EPE | <δavg | OA | AJ | points | ms/point |")
                .append(" passes/point | pass-eq/point |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CompareResult r : results) {
            Scores s = r.scores();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %.2f | %.2f | %.1f | %.1f | %.1f | %d | %s | %s | %s |%n",
                            r.task(),
                            r.contender(),
                            s.ad(),
                            s.epe(),
                            s.deltaAvg(),
                            s.oa(),
                            s.aj(),
                            s.points(),
                            time(r.msPerPoint()),
                            passes(r.passesPerPoint()),
                            passEquivalents(r.passEquivalentsPerPoint())));
        }
        md.append("\nMean over tasks:\n\n")
                .append("| method | AD | EPE | <δavg | OA | AJ | ms/point | pass-eq/point |")
                .append(reference == null ? "" : " within 1 of " + reference + " |")
                .append("\n|---|---:|---:|---:|---:|---:|---:|---:|")
                .append(reference == null ? "" : "---|")
                .append("\n");
        for (String method : methods(results)) {
            List<CompareResult> rows =
                    results.stream().filter(r -> r.contender().equals(method)).toList();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.2f | %.2f | %.1f | %.1f | %.1f | %s | %s |%s%n",
                            method,
                            mean(rows, r -> r.scores().ad()),
                            mean(rows, r -> r.scores().epe()),
                            mean(rows, r -> r.scores().deltaAvg()),
                            mean(rows, r -> r.scores().oa()),
                            mean(rows, r -> r.scores().aj()),
                            time(mean(rows, CompareResult::msPerPoint)),
                            passEquivalents(mean(rows, CompareResult::passEquivalentsPerPoint)),
                            reference == null
                                    ? ""
                                    : " " + withinReference(results, method, reference) + " |"));
        }
        return md.toString();
    }

    /** How far below the reference's <δavg a method may fall on a task and still be within. */
    static final double REFERENCE_MARGIN = 1.0;

    /** "yes" or "no", with the task where {@code method} falls furthest behind the reference. */
    static String withinReference(List<CompareResult> results, String method, String reference) {
        double worst = Double.POSITIVE_INFINITY;
        String worstTask = null;
        for (CompareResult r : results) {
            if (!r.contender().equals(method)) {
                continue;
            }
            for (CompareResult ref : results) {
                if (ref.contender().equals(reference) && ref.task().equals(r.task())) {
                    double gap = r.scores().deltaAvg() - ref.scores().deltaAvg();
                    if (gap < worst) {
                        worst = gap;
                        worstTask = r.task();
                    }
                }
            }
        }
        if (worstTask == null) {
            return "n/a";
        }
        String verdict = worst >= -REFERENCE_MARGIN ? "yes" : "no";
        return method.equals(reference)
                ? verdict
                : verdict + String.format(Locale.ROOT, " (%+.1f on %s)", worst, worstTask);
    }

    /** The methods in the order they first appear. */
    static List<String> methods(List<CompareResult> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.add(r.contender()));
        return List.copyOf(names);
    }

    /** The tasks in the order they first appear. */
    static List<String> tasks(List<CompareResult> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.add(r.task()));
        return List.copyOf(names);
    }

    private static double mean(
            List<CompareResult> rows, java.util.function.ToDoubleFunction<CompareResult> f) {
        return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String time(double ms) {
        return ms >= 100
                ? String.format(Locale.ROOT, "%.0f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String passEquivalents(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p == 0 ? "–" : String.format(Locale.ROOT, "%.2f", p);
    }

    private static String passes(double p) {
        return p == 0 ? "–" : String.format(Locale.ROOT, "%.0f", p);
    }
}
