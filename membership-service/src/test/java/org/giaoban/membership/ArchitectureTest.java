package org.giaoban.membership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** The boundaries of the service, kept by a test rather than by goodwill. */
@AnalyzeClasses(packages = "org.giaoban.membership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Aggregates and their policies decide; they know nothing of HTTP, Kafka, SQL or the published language. */
    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .or().haveSimpleNameEndingWith("Timeline")
            .or().haveSimpleNameEndingWith("Events")
            .or().haveSimpleNameEndingWith("Commands")
            .or().haveSimpleNameEndingWith("Messages")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                    "org.apache.kafka..", "org.springframework.jdbc..", "java.sql..", "org.giaoban.contracts..", "jakarta.servlet..");

    /** Only the publishing slice speaks the published language: renaming a private event never breaks a consumer. */
    @ArchTest
    static final ArchRule onlyPublishingUsesContracts = noClasses()
            .that().resideOutsideOfPackage("org.giaoban.membership.publishing..")
            .should().dependOnClassesThat().resideInAPackage("org.giaoban.contracts..");

    /** Controllers only translate HTTP: they send commands or read projections, never touch the event store or SQL. */
    @ArchTest
    static final ArchRule controllersOnlyTranslateHttp = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.axonframework.eventsourcing..");

    /** Feature slices do not depend on each other in circles. */
    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices().matching("org.giaoban.membership.(*)..").should().beFreeOfCycles();
}
