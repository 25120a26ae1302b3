package io.flowtrace.bench;

import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/** A probe model that costs nothing: zero maps of the right shape, so only transport is timed. */
final class ZeroProbeModel implements ProbeModel {

    @Override
    public String modelId() {
        return "zero:1";
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    @Override
    public ProbeResult probe(ProbeRequest request) {
        int g = request.params().mapSize();
        List<ProbeMaps> maps = new ArrayList<>(request.pairs().size());
        for (ProbePair p : request.pairs()) {
            int n = p.pointCount() * p.seeds().length * g * g;
            maps.add(new ProbeMaps(p.pointCount(), p.seeds().length, g, new float[n], 0));
        }
        return new ProbeResult(maps);
    }
}
