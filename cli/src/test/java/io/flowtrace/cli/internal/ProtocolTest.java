package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.Point;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    private static final List<Query> QUERIES =
            List.of(new Query(0, 0, 1, 2), new Query(1, 2, 3, 1), new Query(2, 0, 2, 2));

    private final RecordingPairTracker tracker = new RecordingPairTracker();
    private final AtomicInteger steps = new AtomicInteger();

    private Tracks run(Protocol protocol) {
        return protocol.run(new FrameIndexFrames(3), QUERIES, tracker, steps::addAndGet);
    }

    private static String row(TrackPoint p) {
        return p.id() + "@" + p.t() + "=" + p.x();
    }

    @Test
    void firstPairsEachQueryFrameWithEveryOtherFrameOnceWithAllItsQueries() {
        Tracks tracks = run(Protocol.FIRST);

        assertThat(tracker.calls).containsExactly("0->1:2", "0->2:2", "2->0:1", "2->1:1");
        assertThat(tracks.rows())
                .extracting(ProtocolTest::row)
                .containsExactlyInAnyOrder(
                        "0@1=11.0", "0@2=21.0", "2@1=12.0", "2@2=22.0", "1@0=-17.0", "1@1=-7.0");
        assertThat(tracks.framePairs()).isEqualTo(4);
        assertThat(tracks.modelPasses()).isEqualTo(6 * 4);
        assertThat(steps.get()).isEqualTo(6 * 2);
    }

    @Test
    void chainedPairsConsecutiveFramesCarryingEstimatesBothWays() {
        Tracks tracks = run(Protocol.CHAINED);

        assertThat(tracker.calls).containsExactly("0->1:2", "1->2:2", "2->1:1", "1->0:1");
        assertThat(tracker.inputs.get(1)).containsExactly(new Point(11, 2), new Point(12, 2));
        assertThat(tracks.rows())
                .extracting(ProtocolTest::row)
                .containsExactlyInAnyOrder(
                        "0@1=11.0", "0@2=21.0", "2@1=12.0", "2@2=22.0", "1@0=-17.0", "1@1=-7.0");
        assertThat(tracks.framePairs()).isEqualTo(4);
        assertThat(steps.get()).isEqualTo(6 * 2);
    }

    @Test
    void chainedTracksQueriesOnTheMiddleFrameBothWays() {
        List<Query> middle = List.of(new Query(4, 1, 0, 0));

        Tracks tracks =
                Protocol.CHAINED.run(new FrameIndexFrames(3), middle, tracker, steps::addAndGet);

        assertThat(tracker.calls).containsExactly("1->2:1", "1->0:1");
        assertThat(tracks.rows())
                .extracting(ProtocolTest::row)
                .containsExactly("4@2=10.0", "4@0=-10.0");
    }

    @Test
    void anchoredTracksFromTheLastSightingAndReacquiresAfterOcclusion() {
        tracker.occludedFrames.add(2);
        List<Query> one = List.of(new Query(7, 0, 1, 0));

        Tracks tracks =
                Protocol.ANCHORED.run(new FrameIndexFrames(4), one, tracker, steps::addAndGet);

        // seen on 1: anchored there; occluded on 2: frame 3 is tried from 1 again
        assertThat(tracker.calls).containsExactly("0->1:1", "1->2:1", "1->3:1");
        assertThat(tracker.inputs.get(2)).containsExactly(new Point(11, 0));
        assertThat(tracks.rows())
                .extracting(ProtocolTest::row)
                .containsExactly("7@1=11.0", "7@2=21.0", "7@3=31.0");
        assertThat(tracks.rows())
                .extracting(TrackPoint::visible)
                .containsExactly(true, false, true);
    }

    @Test
    void anchoredReanchorsByTheJobsRuleWhenToldToWait() {
        List<Query> one = List.of(new Query(7, 0, 1, 0));

        Protocol.ANCHORED.run(new FrameIndexFrames(6), one, tracker, steps::addAndGet, 2);

        // seen on 1 (1 frame from the query): kept on 0; seen on 2: anchored there; on 4 again
        assertThat(tracker.calls).containsExactly("0->1:1", "0->2:1", "2->3:1", "2->4:1", "4->5:1");
    }

    @Test
    void anchoredNeverReanchorsAtZero() {
        List<Query> one = List.of(new Query(7, 0, 1, 0));

        Protocol.ANCHORED.run(new FrameIndexFrames(4), one, tracker, steps::addAndGet, 0);

        assertThat(tracker.calls).containsExactly("0->1:1", "0->2:1", "0->3:1");
    }

    @Test
    void anchoredGivesAPointSeenInThePreviousFrameAConstantVelocityPrior() {
        tracker.occludedFrames.add(3);
        List<Query> one = List.of(new Query(7, 0, 1, 0));

        Protocol.ANCHORED.run(new FrameIndexFrames(6), one, tracker, steps::addAndGet);

        assertThat(tracker.calls).containsExactly("0->1:1", "1->2:1", "2->3:1", "2->4:1", "4->5:1");
        // no motion is known from the query frame alone; then last position + motion per frame;
        // after the occlusion the anchor is two frames back: no prior; seen again on 4, its motion
        // from 2 to 4 is 20 px over 2 frames
        assertThat(tracker.priors.get(0)).containsExactly((Point) null);
        assertThat(tracker.priors.get(1)).containsExactly(new Point(21, 0));
        assertThat(tracker.priors.get(2)).containsExactly(new Point(31, 0));
        assertThat(tracker.priors.get(3)).containsExactly((Point) null);
        assertThat(tracker.priors.get(4)).containsExactly(new Point(51, 0));
    }

    @Test
    void anchoredGroupsPointsByTheirAnchorFrameAndGoesBothWays() {
        tracker.occludedFrames.add(1);
        List<Query> two = List.of(new Query(0, 1, 5, 0), new Query(1, 1, 6, 0));

        Protocol.ANCHORED.run(new FrameIndexFrames(3), two, tracker, steps::addAndGet);

        assertThat(tracker.calls).containsExactly("1->2:2", "1->0:2");
    }
}
