package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.SequencePlan;
import io.flowtrace.tracer.TracerConfig;
import org.junit.jupiter.api.Test;

class ContenderTest {

    @Test
    void aPresetNamesItsRecipe() {
        assertThat(Contender.parse("kltrace:efficient").recipe())
                .isEqualTo(TracerConfig.efficient());
        assertThat(Contender.parse("KLTRACE").recipe()).isEqualTo(TracerConfig.defaults());
    }

    @Test
    void knobsAdjustThePresetLikeTrackOptions() {
        Contender c = Contender.parse("kltrace:efficient+masks=3+full-frame-map-size=32");

        assertThat(c.recipe().masks()).isEqualTo(3);
        assertThat(c.recipe().fullFrameProbe().mapSize()).isEqualTo(32);
        assertThat(c.recipe().probe().plan()).isEqualTo(SequencePlan.SHARED);
        assertThat(c.recipe().windowedQueries()).isTrue();
        assertThat(c.fileName()).isEqualTo("kltrace-efficient-masks-3-full-frame-map-size-32");
        assertThat(Contender.parse("kltrace+sequence-plan=shared").recipe().probe().plan())
                .isEqualTo(SequencePlan.SHARED);
    }

    @Test
    void refusesKnobsItCannotApply() {
        assertThatThrownBy(() -> Contender.parse("dis+masks=3"))
                .hasMessageContaining("takes no recipe knobs");
        assertThatThrownBy(() -> Contender.parse("kltrace+masks"))
                .hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Contender.parse("kltrace+turbo=1"))
                .hasMessageContaining("bad recipe knob");
    }
}
