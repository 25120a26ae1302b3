package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Triton model repository's config.pbtxt and {@link ModelTensors} describe one contract. */
class TritonConfigAgreementTest {

    private static final Path CONFIG =
            Path.of("..", "deploy", "triton", ModelTensors.MODEL_NAME, "config.pbtxt");
    private static final Pattern TENSOR =
            Pattern.compile(
                    "name:\\s*\"(\\w+)\"\\s*data_type:\\s*TYPE_(\\w+)\\s*dims:\\s*\\[([^\\]]*)\\]");

    private static String section(String text, String key) {
        int start = text.indexOf(key + " [");
        int end = text.indexOf("\n]", start);
        return text.substring(start, end);
    }

    private static List<TensorSpec> tensors(String section) {
        List<TensorSpec> out = new ArrayList<>();
        Matcher m = TENSOR.matcher(section.replaceAll("#[^\\n]*", ""));
        while (m.find()) {
            long[] dims =
                    Arrays.stream(m.group(3).split(","))
                            .map(String::trim)
                            .mapToLong(Long::parseLong)
                            .toArray();
            out.add(new TensorSpec(m.group(1), m.group(2), dims));
        }
        return out;
    }

    @Test
    void configDeclaresExactlyTheContractsTensors() throws IOException {
        String text = Files.readString(CONFIG);

        assertThat(text).contains("name: \"" + ModelTensors.MODEL_NAME + "\"");
        assertThat(tensors(section(text, "input")))
                .containsExactlyInAnyOrderElementsOf(ModelTensors.INPUTS);
        assertThat(tensors(section(text, "output")))
                .containsExactlyInAnyOrderElementsOf(ModelTensors.OUTPUTS);
    }
}
