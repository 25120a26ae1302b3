package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.task.Query;
import io.flowtrace.tracer.Reanchoring;
import java.util.List;
import java.util.function.IntConsumer;

/** Which frame pairs a query is tracked through to reach every other frame of the clip. */
public enum Protocol {
    /** The query frame paired directly with every other frame, earlier ones included. */
    FIRST,
    /** Consecutive frames, each estimate carried on forwards and backwards from the query frame. */
    CHAINED,
    /**
     * Frame by frame forwards and backwards from the query frame, each point straight from its last
     * confident sighting (its query at first): the streaming job's re-anchoring.
     */
    ANCHORED;

    /**
     * Tracks every query into every frame but its own; a clip of n frames gives n - 1 rows per
     * query, and {@code progress} receives {@code tracker.stepsPerPoint()} steps per row.
     */
    public Tracks run(
            FrameSequence frames, List<Query> queries, PairTracker tracker, IntConsumer progress) {
        return run(frames, queries, tracker, progress, Reanchoring.EVERY_SIGHTING);
    }

    /**
     * As {@link #run(FrameSequence, List, PairTracker, IntConsumer)}, with {@link #ANCHORED}
     * re-anchoring by {@link Reanchoring} with {@code reanchorAfter}; the other protocols do not
     * re-anchor.
     */
    public Tracks run(
            FrameSequence frames,
            List<Query> queries,
            PairTracker tracker,
            IntConsumer progress,
            int reanchorAfter) {
        Reanchoring.requireValid(reanchorAfter);
        return switch (this) {
            case FIRST -> FirstFramePairing.run(frames, queries, tracker, progress);
            case CHAINED -> ChainedPairing.run(frames, queries, tracker, progress);
            case ANCHORED -> AnchoredPairing.run(frames, queries, tracker, progress, reanchorAfter);
        };
    }

    /** Parses the protocols' command-line names. */
    public static final class Converter extends CliEnums.Converter<Protocol> {
        public Converter() {
            super(Protocol.class);
        }
    }

    /** The protocols' command-line names, for help text. */
    public static final class Names extends CliEnums.Names<Protocol> {
        public Names() {
            super(Protocol.class);
        }
    }
}
