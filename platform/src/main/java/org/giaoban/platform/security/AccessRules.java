package org.giaoban.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own rules of who may call which of its routes (API.md's "who" column), declared as one bean. The
 * platform adds its own before them (health and API documents open, administration for operators) and after them
 * (anything else needs a valid token).
 */
@FunctionalInterface
public interface AccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
