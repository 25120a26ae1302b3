package io.flowtrace.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresetTest {

    @Test
    void namesEachRecipeOnce() {
        assertThat(Preset.DEFAULT.config()).isEqualTo(TracerConfig.defaults());
        assertThat(Preset.PAPER.config()).isEqualTo(TracerConfig.paper());
        assertThat(Preset.FAST.config()).isEqualTo(TracerConfig.fast());
        assertThat(Preset.EFFICIENT.config()).isEqualTo(TracerConfig.efficient());
        assertThat(TracerConfig.fast().masks()).isEqualTo(2);
        assertThat(TracerConfig.fast().zoomIterations()).isEqualTo(3);
    }

    @Test
    void parsesItsLowerCaseSpellingInAnyCase() {
        assertThat(Preset.parse("efficient")).isEqualTo(Preset.EFFICIENT);
        assertThat(Preset.parse(" Paper ")).isEqualTo(Preset.PAPER);
        assertThat(Preset.FAST.spelling()).isEqualTo("fast");
    }

    @Test
    void namesThePresetsThereAreWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> Preset.parse("quick"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one of default, paper, fast, efficient, was 'quick'");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(TracerConfig.efficient());
        }
        try (var in =
                new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(TracerConfig.efficient());
        }
    }
}
