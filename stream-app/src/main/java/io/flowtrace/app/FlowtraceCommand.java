package io.flowtrace.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowtrace} command line. */
@Command(
        name = "flowtrace",
        mixinStandardHelpOptions = true,
        version = "flowtrace 0.1.0",
        description = "Optical flow and point tracks by KL-tracing a generative video model.")
public final class FlowtraceCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new FlowtraceCommand()).execute(args));
    }
}
