package io.flowtrace.cli.picture;

import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TrackPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tracks of one task to draw: one per query that has predictions.
 *
 * @param tracks the tracks, by query id
 * @param hasTruth whether the task has ground truth
 */
record TaskTracks(List<Track> tracks, boolean hasTruth) {

    TaskTracks {
        tracks = List.copyOf(tracks);
    }

    /**
     * Joins the queries with their predictions and ground truth.
     *
     * @param frameCount frames of the clip, to check the predictions against
     * @throws TaskFormatException naming {@code predFile} when it has no rows, a row for an id
     *     without a query, or a frame outside the clip
     */
    static TaskTracks of(
            List<Query> queries,
            List<TrackPoint> predicted,
            List<TrackPoint> truth,
            boolean hasTruth,
            Path predFile,
            int frameCount) {
        if (predicted.isEmpty()) {
            throw new TaskFormatException(predFile, "has no predictions to draw");
        }
        Map<Integer, Query> byId =
                queries.stream().collect(Collectors.toMap(Query::id, Function.identity()));
        for (TrackPoint p : predicted) {
            if (!byId.containsKey(p.id())) {
                throw new TaskFormatException(
                        predFile, "prediction for id " + p.id() + " has no query in queries.csv");
            }
            if (p.t() >= frameCount) {
                throw new TaskFormatException(
                        predFile,
                        "prediction for id "
                                + p.id()
                                + " at t="
                                + p.t()
                                + " is not a frame of the clip (frames 0.."
                                + (frameCount - 1)
                                + ")");
            }
        }
        Map<Integer, List<TrackPoint>> predById = groupById(predicted);
        Map<Integer, List<TrackPoint>> truthById = groupById(truth);
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<Integer, List<TrackPoint>> e : predById.entrySet()) {
            List<TrackPoint> gt = truthById.getOrDefault(e.getKey(), List.of());
            tracks.add(new Track(byId.get(e.getKey()), e.getValue(), gt));
        }
        tracks.sort(Comparator.comparingInt(Track::id));
        return new TaskTracks(tracks, hasTruth);
    }

    private static Map<Integer, List<TrackPoint>> groupById(List<TrackPoint> points) {
        return points.stream()
                .collect(
                        Collectors.groupingBy(
                                TrackPoint::id, LinkedHashMap::new, Collectors.toList()));
    }

    /** At most {@code max} tracks, drawn at random with {@code seed}, in id order. */
    TaskTracks pick(int max, long seed) {
        if (tracks.size() <= max) {
            return this;
        }
        List<Track> shuffled = new ArrayList<>(tracks);
        Collections.shuffle(shuffled, new Random(seed));
        List<Track> picked = new ArrayList<>(shuffled.subList(0, max));
        picked.sort(Comparator.comparingInt(Track::id));
        return new TaskTracks(picked, hasTruth);
    }

    /** Mean distance to the ground truth over every visible ground-truth point; NaN if none. */
    double meanError() {
        return tracks.stream()
                .flatMap(t -> t.errors().stream())
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }

    /** The last frame any track reaches. */
    int lastFrame() {
        return tracks.stream()
                .flatMap(t -> t.predicted().stream())
                .mapToInt(TrackPoint::t)
                .max()
                .orElse(0);
    }
}
