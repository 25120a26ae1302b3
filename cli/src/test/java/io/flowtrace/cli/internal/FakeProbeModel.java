package io.flowtrace.cli.internal;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;

/** A probe model that only records whether it was closed; probing is not supported. */
final class FakeProbeModel implements ProbeModel {

    boolean closed;

    @Override
    public String modelId() {
        return "fake:1";
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    @Override
    public ProbeResult probe(ProbeRequest request) {
        throw new UnsupportedOperationException("the fake model does not probe");
    }

    @Override
    public void close() {
        closed = true;
    }
}
