package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraTurnsTest {

    private static final Duration LAG = Duration.ofSeconds(3);

    @Test
    void servesCamerasInTheOrderTheyBeganToWaitWhenNoneHasHadATurn() {
        CameraTurns turns = new CameraTurns(null);
        turns.waiting("c", 0);
        turns.waiting("a", 5);
        turns.waiting("b", 1);
        turns.waiting("c", 9); // keeps its place

        assertThat(
                        List.of(
                                turns.next(10).camera(),
                                turns.next(10).camera(),
                                turns.next(10).camera()))
                .containsExactly("c", "a", "b");
        assertThat(turns.isEmpty()).isTrue();
    }

    @Test
    void servesTheCameraLeastRecentlyStartedFirst() {
        CameraTurns turns = new CameraTurns(null);
        turns.waiting("a", 0);
        turns.waiting("b", 0);
        assertThat(turns.next(0).camera()).isEqualTo("a");
        assertThat(turns.next(0).camera()).isEqualTo("b");
        // b finishes first and waits again before a does: a was started longer ago
        turns.waiting("b", 1);
        turns.waiting("a", 2);
        assertThat(turns.next(2).camera()).isEqualTo("a");
    }

    @Test
    void givesEveryCameraItsShareOfOneThreadPastSaturation() {
        // 16 cameras on one thread, a frame per camera every second, a pair tracked in 0.5 s:
        // each turn, every other camera has a new pair waiting
        CameraTurns turns = new CameraTurns(LAG);
        Map<String, Integer> tracked = new HashMap<>();
        List<String> cameras = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            cameras.add("cam-" + c);
        }
        String runningCamera = null;
        for (long now = 0; now < 160_000; now += 500) {
            if (now % 1000 == 0) {
                for (String camera : cameras) {
                    if (!camera.equals(runningCamera)) {
                        turns.waiting(camera, now);
                    }
                }
            }
            if (runningCamera != null) {
                turns.waiting(runningCamera, now - now % 1000); // it got a frame meanwhile
            }
            CameraTurns.Turn turn = turns.next(now);
            runningCamera = turn.camera();
            tracked.merge(runningCamera, 1, Integer::sum);
        }
        assertThat(tracked).hasSize(16);
        assertThat(tracked.values()).allSatisfy(n -> assertThat(n).isBetween(19, 21));
    }

    @Test
    void skipsEveryLateCameraAtTheNextTurn() {
        CameraTurns turns = new CameraTurns(LAG);
        turns.waiting("late-1", 0);
        turns.waiting("fresh", 4_000);
        turns.waiting("late-2", 500);

        CameraTurns.Turn turn = turns.next(4_000);

        assertThat(turn.camera()).isEqualTo("fresh");
        assertThat(turn.late()).containsExactly("late-1", "late-2");
        assertThat(turns.isEmpty()).isTrue();
    }

    @Test
    void startsNobodyWhenEveryWaitingCameraIsLate() {
        CameraTurns turns = new CameraTurns(LAG);
        turns.waiting("a", 100);
        turns.waiting("b", 200);

        CameraTurns.Turn turn = turns.next(10_000);

        assertThat(turn.camera()).isNull();
        assertThat(turn.late()).containsExactly("a", "b");
        assertThat(turns.isEmpty()).isTrue();
    }

    @Test
    void aPairExactlyAtTheLagIsStillFresh() {
        CameraTurns turns = new CameraTurns(LAG);
        turns.waiting("a", 0);
        turns.waiting("b", 1);

        CameraTurns.Turn turn = turns.next(3_000);

        assertThat(turn.camera()).isEqualTo("a");
        assertThat(turn.late()).isEmpty();
    }

    @Test
    void completeModeSkipsNothing() {
        CameraTurns turns = new CameraTurns(null);
        turns.waiting("a", 0);
        turns.waiting("b", 1_000_000);

        assertThat(turns.next(2_000_000).late()).isEmpty();
        assertThat(turns.superseded(5)).isZero();
    }

    @Test
    void liveModeSupersedesAllButTheNewestPair() {
        CameraTurns turns = new CameraTurns(LAG);
        assertThat(turns.superseded(1)).isZero();
        assertThat(turns.superseded(4)).isEqualTo(3);
        assertThatThrownBy(() -> turns.superseded(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("had 0");
    }

    @Test
    void aForgottenCameraStartsAgainAsNew() {
        CameraTurns turns = new CameraTurns(null);
        turns.waiting("a", 0);
        turns.next(0);
        turns.waiting("b", 0);
        turns.next(0);
        turns.forget("a");
        turns.waiting("b", 1);
        turns.waiting("a", 2);

        assertThat(turns.next(2).camera()).as("never started, since forgotten").isEqualTo("a");
    }

    @Test
    void refusesANonPositiveLagAndATurnWithNobodyWaiting() {
        assertThatThrownBy(() -> new CameraTurns(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liveMaxLag must be positive");
        assertThatThrownBy(() -> new CameraTurns(null).next(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no camera waits");
    }
}
