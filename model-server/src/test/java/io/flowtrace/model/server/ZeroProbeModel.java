package io.flowtrace.model.server;

import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A probe model that answers zero maps of the right shape at once and counts its requests. */
final class ZeroProbeModel implements ProbeModel {

    final AtomicInteger requests = new AtomicInteger();

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
        requests.incrementAndGet();
        int g = request.params().mapSize();
        List<ProbeMaps> maps = new ArrayList<>();
        for (ProbePair p : request.pairs()) {
            int n = p.pointCount() * p.seeds().length * g * g;
            maps.add(new ProbeMaps(p.pointCount(), p.seeds().length, g, new float[n], 0));
        }
        return new ProbeResult(maps);
    }
}
