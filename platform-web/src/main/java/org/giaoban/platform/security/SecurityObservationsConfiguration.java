package org.giaoban.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations of Spring Security's own, in the gateway and every service alike: without this, each
 * request gets an observation around the filter chain, around each of its filters, the authentication and the
 * authorization ({@code ObservationFilterChainDecorator}, {@code ObservationAuthenticationManager},
 * {@code ObservationAuthorizationManager}), a measurable part of a proxied request's CPU. The request as a whole is
 * still observed ({@code http.server.requests}, Spring MVC's {@code ServerHttpObservationFilter}), and refusals still
 * show there by status. A bean {@link SecurityObservationSettings} of the application's own takes precedence.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
