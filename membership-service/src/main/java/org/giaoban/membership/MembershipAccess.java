package org.giaoban.membership;

import org.giaoban.platform.security.AccessRules;
import org.giaoban.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** API.md's "who" for membership: any valid token reads; only an operator records. */
@Configuration(proxyBeanMethods = false)
class MembershipAccess {

    @Bean
    AccessRules membershipRules() {
        return routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/membership/**").authenticated()
                .requestMatchers("/api/membership/**").hasRole(Role.OPERATOR.name());
    }
}
