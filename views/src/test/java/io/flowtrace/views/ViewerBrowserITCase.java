package io.flowtrace.views;

import static io.flowtrace.views.ViewsRecords.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.frames.RgbImages;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The viewer in a real headless Chromium: the page loads, a camera's tracks appear once their
 * records are produced, a click on the frame becomes a track query, and what the browser drew is a
 * picture, checked by its pixels. Skips without Debian's {@code chromium} and {@code
 * chromium-driver}, unless {@code FLOWTRACE_REQUIRE_BROWSER} is set (CI sets it, so there it fails
 * instead); with {@code FLOWTRACE_SCREENSHOT=FILE} it also saves the page there (the README's
 * {@code docs/viewer.png} is made so).
 */
class ViewerBrowserITCase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void showsACamerasTracksLiveAndTurnsAClickIntoATrackQuery(@TempDir Path state)
            throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("FLOWTRACE_REQUIRE_BROWSER") != null) {
            assertThat(present)
                    .as("FLOWTRACE_REQUIRE_BROWSER is set: chromium and chromedriver in /usr/bin")
                    .isTrue();
        }
        Assumptions.assumeTrue(present, "no chromium and chromium-driver in /usr/bin");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            ViewsTestSupport.createTopics(kafka, 1);
            Instant t0 = Instant.now().minusSeconds(5);
            ViewsTestSupport.send(kafka, Topics.FRAMES, "cam-v", frame(t0));
            produceResults(kafka, t0);
            try (ViewsService service =
                    ViewsService.start(
                            ViewsTestSupport.config(kafka, state, "views-browser").build())) {
                ViewsTestSupport.awaitRunning(service);
                ChromeDriver browser = browser();
                try {
                    browser.get(service.url().toString());
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            !browser.findElements(
                                                            By.cssSelector(
                                                                    "#camera option[value='cam-v']"))
                                                    .isEmpty());

                    produceTracks(kafka, t0);
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            browser.findElements(By.cssSelector("#tracks li"))
                                                            .size()
                                                    == 3);
                    assertThat(browser.findElement(By.id("tracks")).getText())
                            .contains("a (")
                            .contains("occluded");

                    WebElement view = browser.findElement(By.id("view"));
                    new Actions(browser).moveToElement(view, 40, -30).click().perform();
                    List<TrackQuery> queries =
                            ViewsTestSupport.read(
                                    kafka,
                                    Topics.TRACK_QUERIES,
                                    AvroSerde.of(TrackQuery.class).deserializer(),
                                    1);
                    assertThat(queries.get(0).getCameraId()).isEqualTo("cam-v");
                    assertThat(queries.get(0).getX()).isBetween(0.0, 320.0);
                    assertThat(queries.get(0).getY()).isBetween(0.0, 240.0);
                    await().atMost(Duration.ofSeconds(10))
                            .until(
                                    () ->
                                            browser.findElement(By.id("message"))
                                                    .getText()
                                                    .startsWith("tracking click-"));

                    BufferedImage drawn =
                            ImageIO.read(
                                    new ByteArrayInputStream(
                                            view.getScreenshotAs(OutputType.BYTES)));
                    assertThat(share(drawn, ViewerBrowserITCase::lit))
                            .as("the frame is drawn")
                            .isGreaterThan(0.5);
                    assertThat(count(drawn, ViewerBrowserITCase::saturated))
                            .as("tracks are drawn in colour")
                            .isGreaterThan(30);
                    await().atMost(Duration.ofSeconds(10))
                            .until(
                                    () ->
                                            browser.findElements(By.cssSelector("#summary tr"))
                                                            .size()
                                                    == 5);
                    String keep = System.getenv("FLOWTRACE_SCREENSHOT");
                    if (keep != null && !keep.isBlank()) {
                        File page = browser.getScreenshotAs(OutputType.FILE);
                        Files.copy(
                                page.toPath(),
                                Path.of(keep),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,800");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }

    /** Three tracks of the frame: two visible, moving right, one occluded. */
    private static void produceTracks(EmbeddedKafka kafka, Instant t0) {
        for (int s = 1; s <= 6; s++) {
            Instant at = t0.plusMillis(100L * s);
            ViewsTestSupport.send(
                    kafka,
                    Topics.TRACK_UPDATES,
                    "cam-v",
                    update("cam-v", "a", s, 60 + 12 * s, 70, true, at));
            ViewsTestSupport.send(
                    kafka,
                    Topics.TRACK_UPDATES,
                    "cam-v",
                    update("cam-v", "b", s, 80 + 10 * s, 160 - 6 * s, true, at));
            ViewsTestSupport.send(
                    kafka,
                    Topics.TRACK_UPDATES,
                    "cam-v",
                    update("cam-v", "c", s, 250, 190, s < 4, at));
        }
    }

    /** Pairs over the last half minute, for the motion chart: faster, then slower. */
    private static void produceResults(EmbeddedKafka kafka, Instant t0) {
        for (int s = 1; s <= 30; s++) {
            double step = s < 12 ? 1 + s / 4.0 : 4 - s / 10.0;
            ViewsTestSupport.send(
                    kafka,
                    Topics.FLOW_RESULTS,
                    "cam-v",
                    ViewsRecords.tracked(
                            "cam-v",
                            s,
                            t0.minusSeconds(31 - s),
                            ViewsRecords.flow("a", 0, step, true),
                            ViewsRecords.flow("b", 0, step / 2, s % 5 != 0)));
        }
    }

    /** A grey test picture, so colour on the screenshot comes from the tracks alone. */
    private static Frame frame(Instant capture) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(170, 170, 170));
        g.fillRect(40, 40, 120, 80);
        g.setColor(new Color(210, 210, 210));
        g.fillOval(180, 120, 100, 90);
        g.dispose();
        byte[] jpeg =
                new FrameEncoder(FrameEncoding.JPEG, 0.9f)
                        .encode(RgbImages.fromBufferedImage(image));
        return Frame.newBuilder()
                .setCameraId("cam-v")
                .setSequence(6)
                .setCaptureTime(capture)
                .setWidth(320)
                .setHeight(240)
                .setEncoding(FrameEncoding.JPEG)
                .setData(ByteBuffer.wrap(jpeg))
                .build();
    }

    private static boolean lit(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) > 3 * 40;
    }

    private static boolean saturated(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100;
    }

    private static long count(BufferedImage image, java.util.function.IntPredicate test) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double share(BufferedImage image, java.util.function.IntPredicate test) {
        return count(image, test) / (double) (image.getWidth() * image.getHeight());
    }
}
