package io.flowtrace.cli.internal;

import io.flowtrace.eval.Scores;
import java.util.Objects;

/**
 * How one contender did on one task.
 *
 * @param task the task's folder name
 * @param contender the contender's name, e.g. {@code kltrace:paper}
 * @param scores the TAP-Vid metrics over the tracked queries
 * @param msPerPoint wall time per tracked point (one query into one frame), milliseconds
 * @param passesPerPoint model passes per tracked point; 0 for methods without a model
 * @param passEquivalentsPerPoint transformer tokens the model reported per tracked point, in
 *     pass-equivalents (6,552 tokens); 0 for methods without a model, NaN when not recorded
 */
public record CompareResult(
        String task,
        String contender,
        Scores scores,
        double msPerPoint,
        double passesPerPoint,
        double passEquivalentsPerPoint) {

    public CompareResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(contender, "contender");
        Objects.requireNonNull(scores, "scores");
    }

    /** Whether this result is for {@code task} and {@code contender}. */
    public boolean isFor(String task, String contender) {
        return this.task.equals(task) && this.contender.equals(contender);
    }
}
