package io.flowtrace.views.internal;

import io.flowtrace.views.internal.Payloads.FrameInfo;
import java.net.http.HttpHeaders;
import java.util.function.BiConsumer;

/** How a viewer frame's facts travel beside its JPEG bytes: as response headers. */
public final class FrameHeaders {

    static final String SEQUENCE = "X-Frame-Sequence";
    static final String CAPTURE_TIME = "X-Frame-Capture-Time";
    static final String WIDTH = "X-Frame-Width";
    static final String HEIGHT = "X-Frame-Height";

    private FrameHeaders() {}

    /** Sets the headers of {@code info} through {@code header}. */
    public static void write(FrameInfo info, BiConsumer<String, String> header) {
        header.accept(SEQUENCE, Long.toString(info.sequence()));
        header.accept(CAPTURE_TIME, Long.toString(info.captureTime()));
        header.accept(WIDTH, Integer.toString(info.width()));
        header.accept(HEIGHT, Integer.toString(info.height()));
    }

    static FrameInfo read(HttpHeaders h) {
        return new FrameInfo(
                Long.parseLong(h.firstValue(SEQUENCE).orElseThrow()),
                Long.parseLong(h.firstValue(CAPTURE_TIME).orElseThrow()),
                Integer.parseInt(h.firstValue(WIDTH).orElseThrow()),
                Integer.parseInt(h.firstValue(HEIGHT).orElseThrow()));
    }
}
