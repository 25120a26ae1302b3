package io.flowtrace.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job jar built at package time holds the job and its connectors, not Flink itself. */
class JobJarITCase {

    private static Path jobJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no *-job.jar in target/"));
        }
    }

    @Test
    void runsTrackingJobMainWithTheKafkaConnectorAndWithoutFlinkTheCommandLineOrVideoNatives()
            throws Exception {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(TrackingJobMain.class.getName());
            assertThat(jar.getEntry("io/flowtrace/job/TrackingJob.class")).isNotNull();
            assertThat(jar.getEntry("io/flowtrace/schema/FlowResult.class")).isNotNull();
            assertThat(jar.getEntry("io/flowtrace/model/ReferenceModel.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class"))
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/kafka/clients/producer/KafkaProducer.class"))
                    .isNotNull();
            assertThat(
                            jar.getEntry(
                                    "org/apache/flink/streaming/api/environment/"
                                            + "StreamExecutionEnvironment.class"))
                    .as("the cluster provides Flink")
                    .isNull();
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("org/bytedeco/"))
                    .noneMatch(n -> n.startsWith("kafka/server/"))
                    .noneMatch(n -> n.startsWith("io/flowtrace/cli/"))
                    .noneMatch(n -> n.startsWith("picocli/"))
                    .noneMatch(n -> n.startsWith("org/jfree/"))
                    .noneMatch(n -> n.startsWith("org/slf4j/"))
                    .noneMatch(n -> n.startsWith("org/apache/logging/"));
        }
    }

    @Test
    void seedsCornersFromTheJarAloneWithoutNativeLibraries() throws Exception {
        // only the job jar and the JDK: no JavaCV, no OpenCV, not the test class path
        try (URLClassLoader jarOnly =
                new URLClassLoader(
                        new URL[] {jobJar().toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Class<?> image = jarOnly.loadClass("io.flowtrace.inference.RgbImage");
            Class<?> corners = jarOnly.loadClass("io.flowtrace.job.internal.Corners");
            byte[] rgb = new byte[32 * 32 * 3];
            for (int y = 8; y < 24; y++) {
                for (int x = 8; x < 24; x++) {
                    java.util.Arrays.fill(rgb, (y * 32 + x) * 3, (y * 32 + x) * 3 + 3, (byte) 255);
                }
            }
            Object square =
                    image.getConstructor(int.class, int.class, byte[].class)
                            .newInstance(32, 32, rgb);

            Object found =
                    corners.getMethod("find", image, double.class, int.class)
                            .invoke(null, square, 4.0, 10);

            assertThat((List<?>) found).hasSize(4);
        }
    }
}
