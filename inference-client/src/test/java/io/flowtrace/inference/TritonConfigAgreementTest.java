package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Triton model repository's config.pbtxt and {@link ModelTensors} describe one contract. */
class TritonConfigAgreementTest {

    @Test
    void configDeclaresExactlyTheContractsTensors() {
        TritonConfigFile config = TritonConfigFile.probeModel();

        assertThat(config.name()).isEqualTo(ModelTensors.MODEL_NAME);
        assertThat(config.inputs()).containsExactlyInAnyOrderElementsOf(ModelTensors.INPUTS);
        assertThat(config.outputs()).containsExactlyInAnyOrderElementsOf(ModelTensors.OUTPUTS);
    }
}
