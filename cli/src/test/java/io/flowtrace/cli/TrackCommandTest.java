package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.frames.ImageWriting;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackCommandTest {

    @TempDir static Path shared;
    @TempDir Path dir;

    private static SyntheticClip clip;
    private static Path task;

    @BeforeAll
    static void writeTask() {
        clip = TestTasks.clip(3, 3, 7);
        task = TestTasks.write(clip, shared.resolve("task"));
    }

    private static CommandRun track(String... args) {
        List<String> all = new ArrayList<>(List.of("track"));
        all.addAll(Arrays.asList(TestTasks.FAST));
        all.addAll(Arrays.asList(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private CommandRun trackTask(Path frames, Path queries, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--frames", frames.toString(),
                                "--queries", queries.toString(),
                                "--out", out()));
        args.addAll(Arrays.asList(extra));
        return track(args.toArray(String[]::new));
    }

    private Path queriesFile(String... lines) throws IOException {
        Path file = dir.resolve("queries.csv");
        Files.writeString(file, "id,t,x,y\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private void assertRejected(CommandRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragments);
        assertThat(dir.resolve("pred.csv")).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void writesOneRowPerQueryAndTargetFrameMatchingGroundTruthKeys() {
        CommandRun run = trackTask(frames(), queries());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<TrackPoint> rows = TracksCsv.read(dir.resolve("pred.csv"));
        assertThat(TestTasks.keys(rows))
                .containsExactlyElementsOf(TestTasks.keys(TestTasks.sorted(clip.groundTruth())));
        assertThat(run.out()).contains("tracked 3 queries: 6 points over 2 frame pairs");
    }

    @Test
    void tracksWithTheRgbDifferenceMethod() {
        CommandRun run = trackTask(frames(), queries(), "--method", "rgbdiff");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TracksCsv.read(dir.resolve("pred.csv"))).hasSize(6);
    }

    @Test
    void tracksQueriesOnLaterFramesBackToEarlierOnes() throws IOException {
        Query q = clip.queries().get(0);
        Path queries = queriesFile("5,1," + q.x() + "," + q.y(), "2,0," + q.x() + "," + q.y());

        CommandRun run = trackTask(frames(), queries);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestTasks.keys(TracksCsv.read(dir.resolve("pred.csv"))))
                .containsExactly("2@1", "2@2", "5@0", "5@2");
        assertThat(run.out()).contains("4 points over 4 frame pairs");
    }

    @Test
    void rejectsUnreadableFrame() throws IOException {
        Path frames = Files.createDirectories(dir.resolve("frames"));
        ImageWriting.writePng(clip.frames().get(0), frames.resolve("000.png"));
        Files.write(frames.resolve("001.png"), new byte[] {1, 2, 3, 4, 5});

        assertRejected(trackTask(frames, queries()), frames.resolve("001.png") + ":");
    }

    @Test
    void rejectsFramesOfDifferentSizes() {
        Path frames = dir.resolve("frames");
        ImageWriting.writePng(clip.frames().get(0), frames.resolve("000.png"));
        ImageWriting.writePng(RgbImage.blank(32, 64), frames.resolve("001.png"));

        assertRejected(trackTask(frames, queries()), frames.resolve("001.png").toString(), "32x64");
    }

    @Test
    void rejectsSingleFrameClip() {
        Path frames = dir.resolve("frames");
        ImageWriting.writePng(clip.frames().get(0), frames.resolve("000.png"));

        assertRejected(trackTask(frames, queries()), frames.toString(), "2 frames");
    }

    @Test
    void rejectsMissingQueriesFile() {
        assertRejected(
                trackTask(frames(), dir.resolve("nope.csv")),
                dir.resolve("nope.csv") + ": file not found");
    }

    @Test
    void rejectsMalformedQueryRowNamingFileAndLine() throws IOException {
        Path queries = queriesFile("0,0,10,10", "1,0,ten,10");

        assertRejected(trackTask(frames(), queries), queries + ":3:", "ten");
    }

    @Test
    void rejectsRowWithMissingColumn() throws IOException {
        Path queries = queriesFile("0,0,10");

        assertRejected(trackTask(frames(), queries), queries + ":2:", "columns");
    }

    @Test
    void rejectsNanQuery() throws IOException {
        Path queries = queriesFile("0,0,NaN,10");

        assertRejected(trackTask(frames(), queries), queries + ":2:", "finite");
    }

    @Test
    void rejectsQueryOutsideTheFrame() throws IOException {
        Path queries = queriesFile("0,0,10,10", "1,0,10,64");

        assertRejected(trackTask(frames(), queries), queries + ":3:", "y=64");
    }

    @Test
    void rejectsQueryFrameBeyondTheClip() throws IOException {
        Path queries = queriesFile("0,3,10,10");

        assertRejected(trackTask(frames(), queries), queries + ":2:", "t=3");
    }

    @Test
    void rejectsMissingQueriesOption() {
        assertRejected(track("--frames", frames().toString(), "--out", out()), "--queries");
    }

    @Test
    void rejectsMissingOutOption() {
        assertRejected(
                track("--frames", frames().toString(), "--queries", queries().toString()), "--out");
    }

    @Test
    void rejectsBothFramesAndVideo() {
        assertRejected(
                trackTask(frames(), queries(), "--video", dir.resolve("clip.mkv").toString()),
                "mutually exclusive");
    }

    @Test
    void rejectsNeitherFramesNorVideo() {
        assertRejected(
                track("--queries", queries().toString(), "--out", out()), "--frames", "--video");
    }

    @Test
    void rejectsInvalidRecipeValueAsUsageError() {
        assertRejected(
                trackTask(frames(), queries(), "--map-size", "48"),
                "map size must be 32 or 64, was 48");
    }

    @Test
    void rejectsUnknownMethodNamingTheChoices() {
        assertRejected(
                trackTask(frames(), queries(), "--method", "lucas-kanade"),
                "kltrace, rgbdiff, dis, farneback, lk",
                "lucas-kanade");
    }

    private String out() {
        return dir.resolve("pred.csv").toString();
    }

    private static Path frames() {
        return task.resolve("frames");
    }

    private static Path queries() {
        return task.resolve("queries.csv");
    }
}
