package io.flowtrace.cli;

import io.flowtrace.cli.internal.Pacing;
import io.flowtrace.cli.internal.TrackProgress;
import io.flowtrace.frames.FileFormatException;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.ingest.FrameProducers;
import io.flowtrace.ingest.IngestOptions;
import io.flowtrace.ingest.IngestRun;
import io.flowtrace.ingest.IngestSource;
import io.flowtrace.ingest.IngestSummary;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.video.VideoSourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace ingest}: produces a camera's frames to the frames topic, keyed by camera id,
 * each stamped with a sequence number and capture time.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Reads frames from a video, a stream, a capture device or a folder of images and"
                    + " produces them as Avro Frame records to Kafka, keyed by camera."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or source; 1 Kafka refused frames."})
public final class IngestCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Source (one of):%n")
    private Source source;

    @Option(names = "--camera", required = true, paramLabel = "ID", description = "camera id")
    private String camera;

    @Option(
            names = "--fps",
            paramLabel = "N",
            description =
                    "frames per second: the rate of a frames folder (default 10), or the most"
                            + " sent from a video (faster sources are thinned)")
    private Double fps;

    @Option(
            names = "--realtime",
            description = "send stored sources at their own speed rather than as fast as possible")
    private boolean realtime;

    @Option(
            names = "--encoding",
            paramLabel = "E",
            defaultValue = "JPEG",
            description = "JPEG, PNG or RGB24; default: ${DEFAULT-VALUE}")
    private FrameEncoding encoding;

    @Option(
            names = "--jpeg-quality",
            paramLabel = "Q",
            defaultValue = "0.9",
            description = "JPEG quality, 0 to 1; default: ${DEFAULT-VALUE}")
    private float jpegQuality;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOSTS",
            defaultValue = "localhost:9092",
            description = "Kafka brokers; default: ${DEFAULT-VALUE}")
    private String bootstrapServers;

    @Option(
            names = "--topic",
            paramLabel = "NAME",
            defaultValue = "frames",
            description = "frames topic; default: ${DEFAULT-VALUE}")
    private String topic;

    @Option(
            names = "--first-sequence",
            paramLabel = "N",
            defaultValue = "0",
            description = "sequence number of the first frame; default: ${DEFAULT-VALUE}")
    private long firstSequence;

    @Option(
            names = "--max-frames",
            paramLabel = "N",
            defaultValue = "0",
            description = "stop after N frames; 0 = all (default)")
    private long maxFrames;

    /** Exactly one source. */
    static final class Source {
        @Option(names = "--video", required = true, paramLabel = "FILE", description = "video file")
        Path video;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "stream, e.g. rtsp://camera/stream")
        String url;

        @Option(
                names = "--device",
                required = true,
                paramLabel = "DEV",
                description = "capture device, e.g. /dev/video0")
        String device;

        @Option(
                names = "--frames",
                required = true,
                paramLabel = "DIR",
                description = "folder of PNG or JPEG frames, in name order")
        Path frames;

        IngestSource toSource(Double fps) {
            if (video != null) {
                return new IngestSource.VideoFile(video);
            }
            if (url != null) {
                return new IngestSource.StreamUrl(url);
            }
            if (device != null) {
                return new IngestSource.Device(device);
            }
            return new IngestSource.FrameDirectory(frames, fps == null ? 10 : fps);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        IngestOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        try (Producer<String, Frame> producer = FrameProducers.create(bootstrapServers);
                TrackProgress bar =
                        TrackProgress.start(
                                "ingest " + camera,
                                maxFrames > 0 ? maxFrames : -1,
                                err,
                                System.console() != null)) {
            long[] last = {0};
            IngestSummary summary =
                    new IngestRun(options, producer, Clock.systemUTC(), Pacing::sleepUntil)
                            .run(
                                    sent -> {
                                        bar.accept((int) (sent - last[0]));
                                        last[0] = sent;
                                    });
            spec.commandLine().getOut().println(summary.line());
            return ExitCode.OK;
        } catch (VideoSourceException | FileFormatException e) {
            err.println("flowtrace ingest: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (KafkaException e) {
            err.println("flowtrace ingest: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    private IngestOptions options() {
        try {
            return new IngestOptions(
                    source.toSource(fps),
                    camera,
                    topic,
                    source.frames != null || fps == null ? 0 : fps,
                    realtime,
                    new FrameEncoder(encoding, jpegQuality),
                    firstSequence,
                    maxFrames);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
