package org.giaoban.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's registration at the authorization server (client id {@value ConsoleClient#CLIENT_ID}), made at start
 * from configuration. Without a secret the console is not registered (outside the local profile there is no default).
 *
 * @param clientSecret       {@code GIAOBAN_CONSOLE_CLIENT_SECRET}; must meet the secret policy
 * @param redirectUris       where the console receives authorization codes (exact matches)
 * @param logoutRedirectUris where the console may send the browser after signing out at {@code /connect/logout}
 */
@ConfigurationProperties("giaoban.console")
public record ConsoleProperties(String clientSecret, @DefaultValue List<String> redirectUris,
                                @DefaultValue List<String> logoutRedirectUris) {

    public ConsoleProperties {
        // An empty environment variable binds as one blank value: it means none.
        redirectUris = redirectUris.stream().map(String::trim).filter(uri -> !uri.isEmpty()).toList();
        logoutRedirectUris = logoutRedirectUris.stream().map(String::trim).filter(uri -> !uri.isEmpty()).toList();
    }

    public boolean registered() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
