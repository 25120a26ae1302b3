package io.flowtrace.inference;

import java.util.List;

/** A batch of crop pairs probed with the same parameters. */
public record ProbeRequest(List<ProbePair> pairs, ProbeParams params) {

    public ProbeRequest {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("a probe request needs at least one crop pair");
        }
        if (params == null) {
            throw new IllegalArgumentException("probe parameters are required");
        }
        pairs = List.copyOf(pairs);
    }

    public static ProbeRequest of(ProbePair pair, ProbeParams params) {
        return new ProbeRequest(List.of(pair), params);
    }
}
