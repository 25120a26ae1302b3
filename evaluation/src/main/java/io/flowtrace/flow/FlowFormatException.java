package io.flowtrace.flow;

import io.flowtrace.task.TaskFormatException;
import java.nio.file.Path;

/**
 * A flow or mask file is missing, malformed or does not fit the other inputs; the message names the
 * file and what was wrong.
 */
public class FlowFormatException extends TaskFormatException {

    public FlowFormatException(Path file, String problem) {
        super(file, 0, problem, null);
    }

    public FlowFormatException(Path file, String problem, Throwable cause) {
        super(file, 0, problem, cause);
    }
}
