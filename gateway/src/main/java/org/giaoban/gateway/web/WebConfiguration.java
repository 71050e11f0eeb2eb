package org.giaoban.gateway.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.giaoban.platform.database.DatabaseCreator;
import org.giaoban.platform.web.CorrelationFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Static: it must post-process the data source before anything opens a connection. */
    @Bean
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }

    /** First of all filters, before Spring Security: refusals (401, 403) carry the correlation id too. */
    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
        FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
