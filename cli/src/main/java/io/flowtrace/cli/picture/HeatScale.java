package io.flowtrace.cli.picture;

import io.flowtrace.cli.internal.CliEnums;
import java.util.ArrayList;
import java.util.List;

/** How a map value becomes a position on the heat ramp, relative to the map's peak. */
enum HeatScale {
    /** v / peak: shows the peak and little else, as KL maps are sharp. */
    LINEAR,
    /**
     * log10(v / peak) over {@link #DECADES} decades: 0.1 % of the peak and below is black, 1 % a
     * third of the way up, 10 % two thirds, the peak at the top; shows the spread of the map and
     * any rival peaks.
     */
    LOG;

    /** Decades of the log scale below the peak. */
    static final int DECADES = 3;

    /** Where {@code v} sits on the ramp, in [0, 1]; 0 for every value when the peak is not > 0. */
    double position(double v, double peak) {
        if (!(peak > 0) || !(v > 0)) {
            return 0;
        }
        double ratio = Math.min(1, v / peak);
        return switch (this) {
            case LINEAR -> ratio;
            case LOG -> Math.max(0, 1 + Math.log10(ratio) / DECADES);
        };
    }

    /** Labelled ticks for a colour bar of this scale with maximum {@code peak}. */
    List<Legend.Tick> ticks(double peak) {
        List<Legend.Tick> ticks = new ArrayList<>();
        if (this == LINEAR) {
            ticks.add(new Legend.Tick(0, "0"));
            ticks.add(new Legend.Tick(0.5, ScalePictures.number(peak / 2)));
        } else {
            for (int d = DECADES; d >= 1; d--) {
                double v = peak * Math.pow(10, -d);
                ticks.add(new Legend.Tick(position(v, peak), ScalePictures.number(v)));
            }
        }
        ticks.add(new Legend.Tick(1, ScalePictures.number(peak)));
        return ticks;
    }

    /** Ticks labelled relative to the peak, for a colour bar shared by maps of other peaks. */
    List<Legend.Tick> relativeTicks() {
        List<Legend.Tick> ticks = new ArrayList<>();
        if (this == LINEAR) {
            ticks.add(new Legend.Tick(0, "0"));
            ticks.add(new Legend.Tick(0.5, "peak/2"));
        } else {
            for (int d = DECADES; d >= 1; d--) {
                ticks.add(
                        new Legend.Tick(1 - (double) d / DECADES, "peak/" + (int) Math.pow(10, d)));
            }
        }
        ticks.add(new Legend.Tick(1, "peak"));
        return ticks;
    }

    /** Caption words for the colour bar. */
    String caption() {
        return this == LINEAR ? "KL (mean over masks)" : "KL (mean over masks, log)";
    }

    /** Parses {@code linear} and {@code log}. */
    static final class Converter extends CliEnums.Converter<HeatScale> {
        Converter() {
            super(HeatScale.class);
        }
    }
}
