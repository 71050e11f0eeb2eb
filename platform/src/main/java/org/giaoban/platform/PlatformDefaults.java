package org.giaoban.platform;

import java.io.IOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code giaoban-platform-defaults.properties}) with the lowest precedence, so that every
 * service starts from one configuration and overrides only what is its own.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon 4.13 otherwise calls home every minute and logs a stack trace when it cannot.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("giaobanPlatformDefaults", new ClassPathResource("giaoban-platform-defaults.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("platform defaults missing from the classpath", e);
        }
    }
}
