package io.flowtrace.app.internal;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.model.ReferenceModel;

/** The one place the command line creates probe models. */
public final class ModelFactory {

    private ModelFactory() {}

    /** The in-process CPU reference model (a remote model option will be chosen here). */
    public static ProbeModel create() {
        return new ReferenceModel();
    }
}
