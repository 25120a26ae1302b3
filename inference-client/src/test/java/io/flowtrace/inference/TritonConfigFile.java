package io.flowtrace.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code deploy/triton/lras_kl_probe/config.pbtxt} the Java side must agree with:
 * name, max_batch_size and the tensors (dims without the batch dimension).
 */
public record TritonConfigFile(
        String name, int maxBatchSize, List<TensorSpec> inputs, List<TensorSpec> outputs) {

    private static final Pattern TENSOR =
            Pattern.compile(
                    "name:\\s*\"(\\w+)\"\\s*data_type:\\s*TYPE_(\\w+)\\s*dims:\\s*\\[([^\\]]*)\\]");
    private static final Pattern NAME = Pattern.compile("(?m)^name:\\s*\"(\\w+)\"");
    private static final Pattern MAX_BATCH = Pattern.compile("(?m)^max_batch_size:\\s*(\\d+)");

    /** The probe model's config, found from a module directory of the build. */
    public static TritonConfigFile probeModel() {
        return read(Path.of("..", "deploy", "triton", ModelTensors.MODEL_NAME, "config.pbtxt"));
    }

    public static TritonConfigFile read(Path file) {
        try {
            String text = Files.readString(file).replaceAll("#[^\\n]*", "");
            return new TritonConfigFile(
                    group(NAME, text),
                    Integer.parseInt(group(MAX_BATCH, text)),
                    tensors(section(text, "input")),
                    tensors(section(text, "output")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("config.pbtxt has no " + p.pattern());
        }
        return m.group(1);
    }

    private static String section(String text, String key) {
        int start = text.indexOf(key + " [");
        int end = text.indexOf("\n]", start);
        return text.substring(start, end);
    }

    private static List<TensorSpec> tensors(String section) {
        List<TensorSpec> out = new ArrayList<>();
        Matcher m = TENSOR.matcher(section);
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
}
