package org.giaoban.platform;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.giaoban.platform.database.DatabaseCreator;
import org.giaoban.platform.eventstore.AttributionInterceptor;
import org.giaoban.platform.eventstore.ConcurrencyRetry;
import org.giaoban.platform.eventstore.Metadata;
import org.giaoban.platform.problem.BadInputConfiguration;
import org.giaoban.platform.problem.ProblemHandler;
import org.giaoban.platform.problem.ProblemLanguageAdvice;
import org.giaoban.platform.projections.ProjectionAdminController;
import org.giaoban.platform.web.CorrelationFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** What every Giao Ban service gets by depending on the platform. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@Import({ProblemHandler.class, ProblemLanguageAdvice.class, BadInputConfiguration.class, ProjectionAdminController.class})
public class PlatformConfiguration {

    /** Static: it must post-process the data source before anything opens a connection. */
    @Bean
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }

    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
        FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Each service's OpenAPI document names the service; the gateway will show them together. */
    @Bean
    OpenAPI openApi(@Value("${spring.application.name:service}") String service) {
        return new OpenAPI().info(new Info().title("Giao Ban " + service).version("v1")
                .description("Errors are application/problem+json with a stable `code`."));
    }

    @Bean(destroyMethod = "shutdown")
    ConcurrencyRetry concurrencyRetry() {
        return new ConcurrencyRetry();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetry concurrencyRetry) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(concurrencyRetry).build();
    }

    @Bean
    AttributionInterceptor attributionInterceptor() {
        return new AttributionInterceptor();
    }

    /** Events inherit the actor and correlation id of the command that caused them. */
    @Bean
    CorrelationDataProvider attributionCorrelation() {
        return new SimpleCorrelationDataProvider(Metadata.ACTOR, Metadata.CORRELATION_ID);
    }

    /**
     * A failing event handler stops its processor segment, which retries with back-off, instead of Axon's default of
     * logging and skipping the event: a projection or the relay must never silently miss an event.
     */
    @Autowired
    void neverSkipEvents(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
