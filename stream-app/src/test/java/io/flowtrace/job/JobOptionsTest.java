package io.flowtrace.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.tracer.TracerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    private static JobOptions parse(String... args) {
        return JobOptions.parse(args);
    }

    @Test
    void takesTheJobsDefaultsWhenNothingIsGiven() {
        JobOptions o = parse();

        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.groupId()).isEqualTo("flowtrace-tracking");
        assertThat(o.bounded()).isFalse();
        assertThat(o.parallelism()).isEqualTo(2);
        assertThat(o.checkpointMillis()).isEqualTo(1000);
        JobConfig defaults = JobConfig.defaults();
        assertThat(o.config().watermarks()).isEqualTo(defaults.watermarks());
        assertThat(o.config().queries()).isEqualTo(defaults.queries());
        assertThat(o.config().tracing().recipe()).isEqualTo(TracerConfig.defaults());
        assertThat(o.config().tracing().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.config().tracing().live()).isFalse();
        assertThat(o.config().tracing().model()).isEqualTo(ModelSpec.reference());
    }

    @Test
    void setsEveryKnobItNames() {
        JobOptions o =
                parse(
                        "--bootstrap-servers",
                        "kafka:9092",
                        "--group-id",
                        "g",
                        "--bounded",
                        "--parallelism",
                        "3",
                        "--checkpoint-interval",
                        "250",
                        "--preset",
                        "efficient",
                        "--live-max-lag",
                        "2.5",
                        "--reanchor-after",
                        "0",
                        "--corners",
                        "24",
                        "--cameras-in-flight",
                        "8",
                        "--tracking-threads",
                        "5",
                        "--pair-timeout",
                        "300",
                        "--lateness",
                        "200",
                        "--quiet-time",
                        "3000",
                        "--model",
                        "grpc://triton:8001",
                        "--model-deadline",
                        "120",
                        "--model-in-flight",
                        "16",
                        "--model-attempts",
                        "2",
                        "--model-batch-wait",
                        "5");

        assertThat(o.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(o.groupId()).isEqualTo("g");
        assertThat(o.bounded()).isTrue();
        assertThat(o.parallelism()).isEqualTo(3);
        assertThat(o.checkpointMillis()).isEqualTo(250);
        TracingConfig t = o.config().tracing();
        assertThat(t.recipe()).isEqualTo(TracerConfig.efficient());
        assertThat(t.liveMaxLag()).isEqualTo(Duration.ofMillis(2500));
        assertThat(t.reanchorAfter()).isZero();
        assertThat(t.capacity()).isEqualTo(8);
        assertThat(t.threads()).isEqualTo(5);
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(o.config().queries()).isEqualTo(JobConfig.defaults().queries().withCorners(24));
        assertThat(o.config().watermarks())
                .isEqualTo(new WatermarkConfig(Duration.ofMillis(200), Duration.ofSeconds(3)));
        assertThat(t.model())
                .isEqualTo(new ModelSpec("grpc://triton:8001", 120, 16, 2, 5, null, null, null));
    }

    @Test
    void namesAnUnknownOption() {
        assertThatThrownBy(() -> parse("--bootstrap-server", "x", "--gird", "4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown options --bootstrap-server, --gird");
    }

    @Test
    void namesTheOptionAndTheValueThatIsWrong() {
        assertThatThrownBy(() -> parse("--parallelism", "two"))
                .hasMessage("--parallelism must be a whole number, was 'two'");
        assertThatThrownBy(() -> parse("--tracking-threads", "0"))
                .hasMessage("--tracking-threads must be at least 1, was 0");
        assertThatThrownBy(() -> parse("--pair-timeout", "0"))
                .hasMessage("--pair-timeout must be positive, was 0");
        assertThatThrownBy(() -> parse("--preset", "quick"))
                .hasMessageContaining("--preset: expected one of default, paper, fast, efficient")
                .hasMessageContaining("'quick'");
        assertThatThrownBy(() -> parse("--grid", "16", "--corners", "16"))
                .hasMessage("--grid and --corners seed points; give one, not both");
        assertThatThrownBy(() -> parse("--grid")).hasMessage("--grid needs a value");
        assertThatThrownBy(() -> parse("--model", "triton:8001"))
                .hasMessageStartingWith("Invalid model: ")
                .hasMessageContaining("triton:8001");
    }

    @Test
    void wantsALiveLagOfAtLeastTwiceTheLateness() {
        assertThatThrownBy(() -> parse("--live-max-lag", "0.5"))
                .hasMessageContaining("at least twice --lateness (1000 ms), was 0.5");
        assertThat(parse("--live-max-lag", "0.5", "--lateness", "200").config().tracing().live())
                .isTrue();
    }

    @Test
    void listsEveryOptionWithItsDefault() {
        assertThat(JobOptions.usage())
                .contains("--bootstrap-servers HOSTS")
                .contains("[localhost:9092]")
                .contains("--bounded ")
                .contains("--quiet-time MS")
                .contains("[1000]");
        assertThat(JobOptions.wantsHelp(new String[] {"--grid", "4", "-h"})).isTrue();
        assertThat(JobOptions.wantsHelp(new String[] {"--grid", "4"})).isFalse();
    }
}
