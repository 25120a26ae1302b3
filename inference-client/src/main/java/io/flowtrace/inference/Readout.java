package io.flowtrace.inference;

/** What a probe compares between the clean and the perturbed prediction. */
public enum Readout {
    /** KL divergence KL(clean || perturbed) of the predicted code distributions, per map cell. */
    KL(0),
    /** L1 difference of the expected RGB predictions, summed per map cell (CWM style). */
    RGB_DIFF(1);

    private final int wireCode;

    Readout(int wireCode) {
        this.wireCode = wireCode;
    }

    /** The value carried by the {@link ModelTensors#READOUT} tensor. */
    public int wireCode() {
        return wireCode;
    }

    /** The readout for a {@link ModelTensors#READOUT} value. */
    public static Readout fromWireCode(int code) {
        for (Readout r : values()) {
            if (r.wireCode == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown readout code " + code + ", expected 0 or 1");
    }
}
