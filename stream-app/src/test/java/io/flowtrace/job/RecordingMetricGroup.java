package io.flowtrace.job;

import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;

/** A task metric group that keeps the metrics its operator registers, for tests to read. */
final class RecordingMetricGroup extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {

    private final InterceptingOperatorMetricGroup operator = new InterceptingOperatorMetricGroup();

    @Override
    public InternalOperatorMetricGroup getOrAddOperator(
            OperatorID id, String name, Map<String, String> additionalVariables) {
        return operator;
    }

    /** The count of counter {@code name}; fails when the operator registered no such counter. */
    long count(String name) {
        Counter counter = (Counter) operator.get(name);
        if (counter == null) {
            throw new AssertionError("no counter named " + name);
        }
        return counter.getCount();
    }
}
