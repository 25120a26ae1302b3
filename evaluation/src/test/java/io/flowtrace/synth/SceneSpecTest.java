package io.flowtrace.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SceneSpecTest {

    @Test
    void defaultsToA256SquareTranslationPair() {
        SceneSpec spec = SceneSpec.builder().build();

        assertThat(spec)
                .isEqualTo(new SceneSpec(256, 256, 2, 3, MotionKind.TRANSLATION, 6.0, 64, 0));
    }

    @Test
    void translationPresetHasTwoOrThreeLayersBySeed() {
        assertThat(SceneSpec.translation(4))
                .isEqualTo(new SceneSpec(256, 256, 2, 2, MotionKind.TRANSLATION, 6.0, 64, 4));
        assertThat(SceneSpec.translation(-7).layers()).isEqualTo(3);
    }

    @Test
    void toBuilderKeepsEveryField() {
        SceneSpec spec = new SceneSpec(100, 50, 9, 5, MotionKind.AFFINE, 2.5, 30, 42);

        assertThat(spec.toBuilder().build()).isEqualTo(spec);
    }

    @Test
    void rejectsTooSmallFrame() {
        assertThatThrownBy(() -> SceneSpec.builder().size(8, 64).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be in 16..8192, was 8");
    }

    @Test
    void rejectsSingleFrame() {
        assertThatThrownBy(() -> SceneSpec.builder().frames(1).build())
                .hasMessage("frames must be in 2..100000, was 1");
    }

    @Test
    void rejectsNegativeOrNanSpeed() {
        assertThatThrownBy(() -> SceneSpec.builder().maxSpeed(-1).build())
                .hasMessage("maxSpeed must be a finite number >= 0 px/frame, was -1.0");
        assertThatThrownBy(() -> SceneSpec.builder().maxSpeed(Double.NaN).build())
                .hasMessage("maxSpeed must be a finite number >= 0 px/frame, was NaN");
    }

    @Test
    void rejectsMoreQueriesThanAQuarterOfThePixels() {
        assertThatThrownBy(() -> SceneSpec.builder().size(16, 16).queries(65).build())
                .hasMessage("queries must be in 1..64, was 65");
    }

    @Test
    void rejectsTooManyLayersAndMissingMotion() {
        assertThatThrownBy(() -> SceneSpec.builder().layers(33).build())
                .hasMessage("layers must be in 0..32, was 33");
        assertThatThrownBy(() -> SceneSpec.builder().motion(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("motion");
    }
}
