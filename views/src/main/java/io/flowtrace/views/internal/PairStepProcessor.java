package io.flowtrace.views.internal;

import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.PointFlow;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns one frame pair's result into its share of the camera's motion summary. The time between the
 * pair's frames comes from the camera's previous pair: its later frame's capture time and sequence
 * give the time per frame, so gaps and skipped pairs are handled; a camera's first pair, or one
 * arriving out of order, has no speed.
 */
final class PairStepProcessor implements FixedKeyProcessor<String, FlowResult, SummaryAccumulator> {

    private KeyValueStore<String, LastPair> lastPairs;
    private FixedKeyProcessorContext<String, SummaryAccumulator> context;

    @Override
    public void init(FixedKeyProcessorContext<String, SummaryAccumulator> context) {
        this.context = context;
        this.lastPairs = context.getStateStore(StoreNames.LAST_PAIRS);
    }

    @Override
    public void process(FixedKeyRecord<String, FlowResult> record) {
        FlowResult r = record.value();
        long capture = r.getTimings().getCaptureTime().toEpochMilli();
        LastPair previous = lastPairs.get(r.getCameraId());
        double seconds = 0;
        if (previous == null || previous.getSequence() < r.getToSequence()) {
            if (previous != null && capture > previous.getCaptureTime()) {
                double perFrame =
                        (capture - previous.getCaptureTime())
                                / (double) (r.getToSequence() - previous.getSequence());
                seconds = perFrame * (r.getToSequence() - r.getFromSequence()) / 1000.0;
            }
            lastPairs.put(r.getCameraId(), new LastPair(r.getToSequence(), capture));
        }
        context.forward(record.withValue(step(r, seconds)));
    }

    /** The pair's contribution; {@code seconds} between its frames, 0 when unknown. */
    static SummaryAccumulator step(FlowResult r, double seconds) {
        SummaryAccumulator s = Accumulators.empty();
        if (r.getStatus() == PairStatus.SKIPPED) {
            s.setSkippedPairs(1);
            return s;
        }
        s.setTrackedPairs(1);
        TreeSet<String> ids = new TreeSet<>();
        for (PointFlow p : r.getPoints()) {
            ids.add(p.getPointId());
            s.setSteps(s.getSteps() + 1);
            if (!p.getVisible()) {
                s.setOccludedSteps(s.getOccludedSteps() + 1);
            } else if (seconds > 0) {
                double speed =
                        Math.hypot(p.getToX() - p.getFromX(), p.getToY() - p.getFromY()) / seconds;
                s.setSpeedSum(s.getSpeedSum() + speed);
                s.setSpeedCount(s.getSpeedCount() + 1);
                s.setMaxSpeed(Math.max(s.getMaxSpeed(), speed));
            }
        }
        s.setTracks(new java.util.ArrayList<>(ids));
        return s;
    }
}
