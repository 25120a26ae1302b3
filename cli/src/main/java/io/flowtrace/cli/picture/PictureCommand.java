package io.flowtrace.cli.picture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowtrace picture}: pictures of what a method does, to judge it by eye. */
@Command(
        name = "picture",
        mixinStandardHelpOptions = true,
        description =
                "Draws KL maps, estimates, tracks and flow fields as PNG pictures and MP4 videos.",
        subcommands = {
            QueryPictureCommand.class,
            TaskPictureCommand.class,
            DensePictureCommand.class,
            FlowPictureCommand.class
        })
public final class PictureCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
