package io.flowtrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code flowtrace} command line in process, with what it printed.
 *
 * @param exitCode what {@code main} would exit with
 * @param out what went to standard output
 * @param err what went to standard error (messages and the progress bar)
 */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code flowtrace args...}. */
    static CommandRun of(String... args) {
        CommandLine command = new CommandLine(new FlowtraceCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
