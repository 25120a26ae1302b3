package io.flowtrace.cli.internal;

import io.flowtrace.eval.Scores;
import io.flowtrace.eval.TapVidMetrics;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.tracer.Reanchoring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code flowtrace compare} run: every contender on every task, through the same {@link
 * TrackRun} as {@code flowtrace track}, each scored against the task's ground truth on the same
 * queries. Predictions are kept under {@code out/predictions/TASK/CONTENDER.csv}.
 */
public final class CompareRun {

    private static final Logger LOG = LoggerFactory.getLogger(CompareRun.class);

    private final CompareOptions options;
    private final Supplier<ProbeModel> models;
    private final BiFunction<String, Long, TrackProgress> progress;

    /**
     * @param models makes a probe model for each contender that needs one
     * @param progress starts a progress display with a label for a given number of steps
     */
    public CompareRun(
            CompareOptions options,
            Supplier<ProbeModel> models,
            BiFunction<String, Long, TrackProgress> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.models = Objects.requireNonNull(models, "models");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs every (task, contender) not in {@code done}, handing each result to {@code finished} as
     * soon as it is scored, and returns every result, {@code done} ones included, in task then
     * contender order.
     *
     * @throws io.flowtrace.task.TaskFormatException naming the file at fault
     */
    public List<CompareResult> run(List<CompareResult> done, Consumer<CompareResult> finished) {
        List<CompareResult> results = new ArrayList<>();
        for (Path task : options.tasks()) {
            String taskName = CompareOptions.taskName(task);
            TaskInputs inputs = null;
            for (Contender contender : options.contenders()) {
                CompareResult previous = find(done, taskName, contender.name());
                if (previous != null) {
                    results.add(previous);
                    continue;
                }
                if (inputs == null) {
                    inputs = prepare(task, taskName);
                }
                CompareResult result = runOne(inputs, contender);
                finished.accept(result);
                results.add(result);
            }
        }
        return results;
    }

    private static CompareResult find(List<CompareResult> done, String task, String contender) {
        return done.stream().filter(r -> r.isFor(task, contender)).findFirst().orElse(null);
    }

    /** The task's folder, the queries used and the ground truth restricted to them. */
    private record TaskInputs(
            String name, TaskDirectory dir, Path queries, List<TrackPoint> truth, int[] size) {}

    private TaskInputs prepare(Path task, String name) {
        TaskDirectory dir = TaskDirectory.of(task);
        List<Query> queries = QueriesCsv.read(dir.queries());
        if (options.points() > 0 && options.points() < queries.size()) {
            queries = queries.subList(0, options.points());
        }
        Set<Integer> ids = queries.stream().map(Query::id).collect(Collectors.toSet());
        List<TrackPoint> truth =
                TracksCsv.read(dir.groundTruth()).stream()
                        .filter(p -> ids.contains(p.id()))
                        .toList();
        Path folder = options.out().resolve("predictions").resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        Path used = folder.resolve("queries.csv");
        QueriesCsv.write(used, queries);
        return new TaskInputs(name, dir, used, truth, dir.frameSize());
    }

    private CompareResult runOne(TaskInputs task, Contender contender) {
        Path pred =
                options.out()
                        .resolve("predictions")
                        .resolve(task.name())
                        .resolve(contender.fileName() + ".csv");
        TrackOptions track =
                new TrackOptions(
                        task.dir().frames(),
                        task.queries(),
                        pred,
                        contender.method(),
                        options.protocol(),
                        contender.recipe(),
                        Reanchoring.EVERY_SIGHTING);
        String label = task.name() + " " + contender.name();
        TrackSummary summary =
                new TrackRun(track, models, steps -> progress.apply(label, steps)).run();
        Scores scores =
                TapVidMetrics.score(
                        task.truth(), TracksCsv.read(pred), task.size()[0], task.size()[1]);
        int points = Math.max(summary.points(), 1);
        double ms = summary.elapsed().toNanos() / 1e6 / points;
        double passes = (double) summary.modelPasses() / points;
        double passEquivalents = summary.passEquivalents() / points;
        if (LOG.isInfoEnabled()) {
            LOG.info(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s: <δavg %.1f, AD %.2f px, %.0f ms per point",
                            label,
                            scores.deltaAvg(),
                            scores.ad(),
                            ms));
        }
        return new CompareResult(
                task.name(), contender.name(), scores, ms, passes, passEquivalents);
    }
}
