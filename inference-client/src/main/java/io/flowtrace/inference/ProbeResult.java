package io.flowtrace.inference;

import java.util.List;

/** The maps of every pair of a {@link ProbeRequest}, in request order. */
public record ProbeResult(List<ProbeMaps> maps) {

    public ProbeResult {
        maps = List.copyOf(maps);
    }

    public ProbeMaps get(int pair) {
        return maps.get(pair);
    }
}
