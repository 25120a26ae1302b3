package io.flowtrace.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled classes of every module (this module sees them all):
 * no two areas of flowtrace depend on each other, no two packages inside the command line or the
 * job do, and the job reaches nothing of the command line, ingest, the offline evaluation or the
 * video natives.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // the other modules' test jars hold test helpers, not the layout
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("io.flowtrace");
    }

    @Test
    void flowtracesAreasAreFreeOfCycles() {
        // io.flowtrace.job, .tracer, .ingest, ...: each with its subpackages
        slices().matching("io.flowtrace.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCommandLinesPackagesAreFreeOfCycles() {
        slices().matching("io.flowtrace.cli.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theJobsPackagesAreFreeOfCycles() {
        slices().matching("io.flowtrace.job.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theJobReachesNothingOfTheCommandLineIngestTheEvaluationOrVideoNatives() {
        noClasses()
                .that()
                .resideInAPackage("io.flowtrace.job..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.flowtrace.cli..",
                        "io.flowtrace.ingest..",
                        "io.flowtrace.replay..",
                        "io.flowtrace.video..",
                        "io.flowtrace.broker..",
                        "io.flowtrace.task..",
                        "io.flowtrace.synth..",
                        "io.flowtrace.flow..",
                        "io.flowtrace.eval..",
                        "picocli..",
                        "org.bytedeco..")
                .check(classes);
    }

    @Test
    void theViewsServiceStandsOnTheTopicsAlone() {
        // it reads what the job publishes; it shares no code with the job, the engine or the model
        noClasses()
                .that()
                .resideInAPackage("io.flowtrace.views..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.flowtrace.job..",
                        "io.flowtrace.tracer..",
                        "io.flowtrace.model..",
                        "io.flowtrace.cli..",
                        "io.flowtrace.ingest..",
                        "io.flowtrace.broker..",
                        "org.apache.flink..",
                        "org.bytedeco..")
                .check(classes);
    }

    @Test
    void seesEveryModulesClasses() {
        // the rules above would pass vacuously on a class path without the modules
        for (String pkg :
                new String[] {
                    "io.flowtrace.job",
                    "io.flowtrace.tracer",
                    "io.flowtrace.ingest",
                    "io.flowtrace.schema",
                    "io.flowtrace.frames",
                    "io.flowtrace.task",
                    "io.flowtrace.synth",
                    "io.flowtrace.inference",
                    "io.flowtrace.model",
                    "io.flowtrace.broker",
                    "io.flowtrace.views",
                    "io.flowtrace.cli"
                }) {
            org.assertj.core.api.Assertions.assertThat(classes.containPackage(pkg))
                    .as(pkg)
                    .isTrue();
        }
    }
}
