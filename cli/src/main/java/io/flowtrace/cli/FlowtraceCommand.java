package io.flowtrace.cli;

import io.flowtrace.cli.picture.PictureCommand;
import io.flowtrace.views.ViewsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code flowtrace} command line. */
@Command(
        name = "flowtrace",
        mixinStandardHelpOptions = true,
        version = "flowtrace 0.1.0",
        description = "Optical flow and point tracks by KL-tracing a generative video model.",
        subcommands = {
            DemoCommand.class,
            TrackCommand.class,
            EvalCommand.class,
            CompareCommand.class,
            MakeTaskCommand.class,
            MakeClipCommand.class,
            IngestCommand.class,
            ReplayCommand.class,
            JobCommand.class,
            ViewsCommand.class,
            PictureCommand.class,
            ModelServerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FlowtraceCommand implements Runnable {

    @Spec private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FlowtraceCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
