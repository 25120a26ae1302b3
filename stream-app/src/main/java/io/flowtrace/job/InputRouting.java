package io.flowtrace.job;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.TrackQuery;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits what the sources read into records and dead letters (the sources already turned every
 * unreadable or malformed record into one), counting the dead letters.
 */
public final class InputRouting {

    /** Dead letters of both inputs. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("input-dead-letters") {};

    public static final String METRIC_DEAD_LETTERS = "inputDeadLetters";

    private InputRouting() {}

    /** Frames through, dead letters aside. */
    public static final class FramesFunction extends ProcessFunction<FrameInput, Frame> {
        private static final long serialVersionUID = 1L;
        private transient Counter dead;

        @Override
        public void open(OpenContext context) {
            dead = getRuntimeContext().getMetricGroup().counter(METRIC_DEAD_LETTERS);
        }

        @Override
        public void processElement(FrameInput in, Context ctx, Collector<Frame> out) {
            if (in.frame() != null) {
                out.collect(in.frame());
            } else {
                dead.inc();
                ctx.output(DEAD_LETTERS, in.deadLetter());
            }
        }
    }

    /** Queries through, dead letters aside. */
    public static final class QueriesFunction extends ProcessFunction<QueryInput, TrackQuery> {
        private static final long serialVersionUID = 1L;
        private transient Counter dead;

        @Override
        public void open(OpenContext context) {
            dead = getRuntimeContext().getMetricGroup().counter(METRIC_DEAD_LETTERS);
        }

        @Override
        public void processElement(QueryInput in, Context ctx, Collector<TrackQuery> out) {
            if (in.query() != null) {
                out.collect(in.query());
            } else {
                dead.inc();
                ctx.output(DEAD_LETTERS, in.deadLetter());
            }
        }
    }
}
