package org.giaoban.gateway.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** The profile of {@code ./giaoban run}: demo clients with documented secrets, listening on 127.0.0.1 by default. */
    static final String LOCAL_PROFILE = "local";

    static boolean local(Environment environment) {
        return environment.matchesProfiles(LOCAL_PROFILE);
    }

    /** The documented demo secrets are accepted in the local profile only. */
    @Bean
    SecretPolicy secretPolicy(Environment environment) {
        return new SecretPolicy(local(environment));
    }
}
