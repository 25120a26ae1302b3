package io.flowtrace.inference.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.grpc.ProbeFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairBatchesTest {

    @Test
    void groupsEqualShapesUpToTheBatchSizeKeepingRequestOrder() {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            pairs.add(ProbeFixtures.pair(i, i % 3 == 0 ? 2 : 1));
        }

        List<PairBatches.Batch> batches = PairBatches.split(pairs, 4);

        assertThat(batches.stream().map(PairBatches.Batch::indices))
                .containsExactly(List.of(0, 3, 6, 9), List.of(1, 2, 4, 5), List.of(7, 8, 10));
        assertThat(batches.get(2).pairs())
                .containsExactly(pairs.get(7), pairs.get(8), pairs.get(10));
    }
}
