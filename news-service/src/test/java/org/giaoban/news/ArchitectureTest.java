package org.giaoban.news;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** The boundaries of the news service. */
@AnalyzeClasses(packages = "org.giaoban.news", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The article decides its workflow; it knows nothing of HTTP, Kafka, SQL or the published language. */
    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses()
            .that().areAnnotatedWith(Aggregate.class).or().haveSimpleName("ArticleMessages").or().haveSimpleName("ArticleContent")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                    "org.apache.kafka..", "org.springframework.jdbc..", "java.sql..", "org.giaoban.contracts..", "jakarta.servlet..");

    /** The published language is spoken at the edges: where articles leave, and where other services' events arrive. */
    @ArchTest
    static final ArchRule contractsAtTheEdgesOnly = noClasses()
            .that().resideOutsideOfPackages("org.giaoban.news.publishing..", "org.giaoban.news.drafting..", "org.giaoban.news.names..")
            .should().dependOnClassesThat().resideInAPackage("org.giaoban.contracts..");

    /** Reading never changes anything: no commands from the public side. */
    @ArchTest
    static final ArchRule readingSendsNoCommands = noClasses()
            .that().resideInAnyPackage("org.giaoban.news.reading..", "org.giaoban.news.pages..", "org.giaoban.news.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices().matching("org.giaoban.news.(*)..").should().beFreeOfCycles();
}
