package org.giaoban.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public door of Giao Ban: routes to the membership, competition and news services, issues the OAuth2 tokens
 * they check (Spring Authorization Server, client_credentials) and keeps the accounts those tokens belong to.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
