package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.ProbePair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a request's crop pairs into model batches: pairs with equal point and seed counts (the
 * tensors are rectangular), at most {@code maxBatch} per batch, first-come order kept.
 */
public final class PairBatches {

    private PairBatches() {}

    /**
     * One batch: the pairs and where each sits in the original request.
     *
     * @param indices positions in the request, ascending
     */
    public record Batch(List<Integer> indices, List<ProbePair> pairs) {}

    public static List<Batch> split(List<ProbePair> pairs, int maxBatch) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            ProbePair p = pairs.get(i);
            long key = ((long) p.pointCount() << 32) | p.seeds().length;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Batch> out = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            for (int from = 0; from < group.size(); from += maxBatch) {
                List<Integer> idx =
                        List.copyOf(group.subList(from, Math.min(group.size(), from + maxBatch)));
                out.add(new Batch(idx, idx.stream().map(pairs::get).toList()));
            }
        }
        return out;
    }
}
