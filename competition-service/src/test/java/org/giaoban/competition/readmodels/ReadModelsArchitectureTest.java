package org.giaoban.competition.readmodels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The read models of rounds only read, each in its own package. */
@AnalyzeClasses(packages = "org.giaoban.competition", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadModelsArchitectureTest {

    private static final String[] READ_MODELS = {"org.giaoban.competition.rounds..", "org.giaoban.competition.ranking..",
            "org.giaoban.competition.nominations..", "org.giaoban.competition.hosts..", "org.giaoban.competition.themes.."};

    /** A read model never sends a command nor touches the event store: it only follows events and answers queries. */
    @ArchTest
    static final ArchRule readModelsOnlyRead = noClasses()
            .that().resideInAnyPackage(READ_MODELS)
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                    "org.axonframework.eventsourcing..", "org.axonframework.modelling..");

    /** Controllers only translate HTTP into queries: no SQL in them. */
    @ArchTest
    static final ArchRule controllersHaveNoSql = noClasses()
            .that().resideInAnyPackage(READ_MODELS).and().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    /** Each projection, its query and its controller live together; one read model does not lean on another. */
    @ArchTest
    static void readModelsAreIndependent(JavaClasses classes) {
        for (String own : READ_MODELS) {
            String[] others = Arrays.stream(READ_MODELS).filter(other -> !other.equals(own)).toArray(String[]::new);
            noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        }
    }

    /** The aggregate does not know its read models. */
    @ArchTest
    static final ArchRule theRoundKnowsNoReadModel = noClasses()
            .that().resideInAPackage("org.giaoban.competition.round..")
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS);
}
