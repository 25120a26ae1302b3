package io.flowtrace.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code flowtrace compare} was asked to do, parsed once.
 *
 * @param tasks task folders, each with frames, {@code queries.csv} and {@code gt.csv}
 * @param contenders the methods and recipes to run on every task
 * @param points queries used per task (the first ones in file order); 0 for all
 * @param out folder for the tables, charts and per-task predictions
 * @param resume keep results already in {@code out}'s table and run only the missing ones
 * @param protocol how every contender tracks the queries through a task's frames
 * @param reference the contender the others are held against (within one point of its <δavg on
 *     every task), or null for none
 */
public record CompareOptions(
        List<Path> tasks,
        List<Contender> contenders,
        int points,
        Path out,
        boolean resume,
        Protocol protocol,
        String reference) {

    /** Options for the {@link Protocol#FIRST} protocol with no reference contender. */
    public CompareOptions(
            List<Path> tasks, List<Contender> contenders, int points, Path out, boolean resume) {
        this(tasks, contenders, points, out, resume, Protocol.FIRST, null);
    }

    public CompareOptions {
        Objects.requireNonNull(protocol, "protocol");
        tasks = List.copyOf(tasks);
        contenders = List.copyOf(contenders);
        Objects.requireNonNull(out, "out");
        if (tasks.isEmpty() || contenders.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one task and one method");
        }
        if (points < 0) {
            throw new IllegalArgumentException("points must be 0 (all) or positive, was " + points);
        }
        long distinctTasks = tasks.stream().map(CompareOptions::taskName).distinct().count();
        if (distinctTasks != tasks.size()) {
            throw new IllegalArgumentException("task folder names must differ: " + tasks);
        }
        long distinctContenders = contenders.stream().map(Contender::name).distinct().count();
        if (distinctContenders != contenders.size()) {
            throw new IllegalArgumentException("a method is named twice: " + contenders);
        }
        if (reference != null && contenders.stream().noneMatch(c -> c.name().equals(reference))) {
            throw new IllegalArgumentException(
                    "--reference " + reference + " is not one of the methods " + contenders);
        }
    }

    /** The name a task goes by in tables: its folder's name. */
    public static String taskName(Path task) {
        Path name = task.toAbsolutePath().normalize().getFileName();
        return name == null ? task.toString() : name.toString();
    }
}
