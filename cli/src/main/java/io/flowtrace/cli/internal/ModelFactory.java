package io.flowtrace.cli.internal;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.model.ReferenceModel;

/** The one place the command line creates probe models. */
public final class ModelFactory {

    private ModelFactory() {}

    /** The in-process CPU reference model. */
    public static ProbeModel create() {
        return new ReferenceModel();
    }

    /**
     * The probe model behind a KServe v2 gRPC server, connected and checked against the contract.
     */
    public static ProbeModel create(GrpcClientConfig remote) {
        return GrpcProbeModel.connect(remote);
    }
}
