package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.Readout;
import io.flowtrace.tracer.ReadoutPosition;
import io.flowtrace.tracer.TracerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RecipeOptionsTest {

    private static TracerConfig parse(String... args) {
        RecipeOptions options = new RecipeOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig();
    }

    @Test
    void keepsTheDefaultRecipeWhenNoKnobIsGiven() {
        assertThat(parse()).isEqualTo(TracerConfig.defaults());
    }

    @Test
    void startsFromThePaperPreset() {
        assertThat(parse("--preset", "paper")).isEqualTo(TracerConfig.paper());
    }

    @Test
    void appliesEveryKnobOverThePreset() {
        TracerConfig config =
                parse(
                        "--preset", "PAPER",
                        "--sigma", "3",
                        "--amplitude", "200",
                        "--mask-ratio", "0.8",
                        "--masks", "2",
                        "--seed", "7",
                        "--zooms", "1",
                        "--zoom-shrink", "0.5",
                        "--map-size", "64",
                        "--readout-position", "center",
                        "--occlusion-threshold", "0.2",
                        "--batch", "4");

        assertThat(config.probe().sigma()).isEqualTo(3.0);
        assertThat(config.probe().amplitude()).isEqualTo(200.0);
        assertThat(config.probe().maskRatio()).isEqualTo(0.8);
        assertThat(config.probe().mapSize()).isEqualTo(64);
        assertThat(config.probe().readout()).isEqualTo(Readout.KL);
        assertThat(config.masks()).isEqualTo(2);
        assertThat(config.baseSeed()).isEqualTo(7);
        assertThat(config.zoomIterations()).isEqualTo(1);
        assertThat(config.zoomShrink()).isEqualTo(0.5);
        assertThat(config.position()).isEqualTo(ReadoutPosition.CENTER);
        assertThat(config.occlusionThreshold()).isEqualTo(0.2);
        assertThat(config.batchPairs()).isEqualTo(4);
        assertThat(config.hiddenOnlyMean()).isFalse();
    }

    @Test
    void parsesHyphenatedReadoutPosition() {
        assertThat(parse("--readout-position", "top-left").position())
                .isEqualTo(ReadoutPosition.TOP_LEFT);
    }

    @Test
    void rejectsOutOfRangeKnobNamingTheValue() {
        assertThatThrownBy(() -> parse("--mask-ratio", "1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }
}
