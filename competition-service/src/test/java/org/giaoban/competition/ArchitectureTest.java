package org.giaoban.competition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** The boundaries of the competition service. */
@AnalyzeClasses(packages = "org.giaoban.competition", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The round decides; it knows nothing of HTTP, Kafka, SQL or the published language. */
    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .or().haveSimpleName("Policies").or().haveSimpleName("Rules")
            .or().haveSimpleName("RoundEvents").or().haveSimpleName("RoundCommands")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                    "org.apache.kafka..", "org.springframework.jdbc..", "java.sql..", "org.giaoban.contracts..", "jakarta.servlet..");

    /** The published language is spoken where events leave (publishing) and where membership's arrive (roster). */
    @ArchTest
    static final ArchRule contractsAtTheEdgesOnly = noClasses()
            .that().resideOutsideOfPackages("org.giaoban.competition.publishing..", "org.giaoban.competition.roster..")
            .should().dependOnClassesThat().resideInAPackage("org.giaoban.contracts..");

    /** Controllers only translate HTTP. */
    @ArchTest
    static final ArchRule controllersOnlyTranslateHttp = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices().matching("org.giaoban.competition.(*)..").should().beFreeOfCycles();
}
