package io.flowtrace.job;

import io.flowtrace.inference.ProbeModel;
import java.io.Serializable;

/**
 * Creates the probe model a parallel instance of {@link KlTracingOperator} uses; shipped with the
 * job graph, so it must be serializable and cheap to ship (create heavy resources in {@link
 * #create()}, which runs in {@code open()} on the task manager).
 */
@FunctionalInterface
public interface ModelProvider extends Serializable {

    /** A new model, owned and closed by the caller. */
    ProbeModel create();

    /** The in-process CPU reference model. */
    static ModelProvider reference() {
        return ModelSpec.reference();
    }
}
