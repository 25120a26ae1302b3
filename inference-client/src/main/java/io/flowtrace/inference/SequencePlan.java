package io.flowtrace.inference;

import java.io.Serializable;

/**
 * How a model computes the sequences of a probe step (the {@link ModelTensors#SEQUENCE_PLAN} bits,
 * docs/model-contract.md, "Cost"). The plan changes what is computed and so the cost; on LRAS it
 * changes the maps only through the frame-1 order and, with independent queries, the attention
 * mask. The reference model's maps do not depend on it.
 *
 * @param sharedPrefix bit 1: frame 1 ordered with the dot's patches last, the common prefix
 *     computed once and cached
 * @param oneFrame1Order bit 2: every seed of a pair uses its first seed's frame-1 order, so the
 *     prefix serves every seed
 * @param independentQueries bit 4: queries attend to the context and themselves only
 */
public record SequencePlan(boolean sharedPrefix, boolean oneFrame1Order, boolean independentQueries)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every sequence in full, plain causal attention: the public recipe. */
    public static final SequencePlan PLAIN = new SequencePlan(false, false, false);

    /** Every saving: shared prefix, one frame-1 order and independent queries. */
    public static final SequencePlan SHARED = new SequencePlan(true, true, true);

    /** The plan of a {@link ModelTensors#SEQUENCE_PLAN} value, 0 to 7. */
    public static SequencePlan fromBits(int bits) {
        if (bits < 0 || bits > 7) {
            throw new IllegalArgumentException("sequence plan must be 0 to 7, was " + bits);
        }
        return new SequencePlan((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }

    /** The wire value: 1 shared prefix + 2 one frame-1 order + 4 independent queries. */
    public int bits() {
        return (sharedPrefix ? 1 : 0) | (oneFrame1Order ? 2 : 0) | (independentQueries ? 4 : 0);
    }

    /** The plan named by a command-line word: plain, shared, or a bit value 0 to 7. */
    public static SequencePlan parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "plain" -> PLAIN;
            case "shared" -> SHARED;
            default -> {
                try {
                    yield fromBits(Integer.parseInt(text.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "sequence plan must be plain, shared or 0 to 7, was '" + text + "'");
                }
            }
        };
    }

    @Override
    public String toString() {
        return this.equals(PLAIN)
                ? "plain"
                : this.equals(SHARED) ? "shared" : Integer.toString(bits());
    }
}
