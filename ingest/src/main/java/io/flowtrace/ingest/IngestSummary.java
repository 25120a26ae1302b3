package io.flowtrace.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * What an ingest run did.
 *
 * @param sent frames produced
 * @param skipped frames read but skipped to keep the requested rate
 * @param bytes encoded frame bytes produced
 * @param elapsed wall time
 */
public record IngestSummary(long sent, long skipped, long bytes, Duration elapsed) {

    /** The one-line report. */
    public String line() {
        double seconds = elapsed.toNanos() / 1e9;
        return String.format(
                Locale.ROOT,
                "sent %d frames (%.1f MB, %d skipped for the frame rate) in %.1f s, %.1f frames/s",
                sent,
                bytes / 1e6,
                skipped,
                seconds,
                seconds > 0 ? sent / seconds : 0);
    }
}
