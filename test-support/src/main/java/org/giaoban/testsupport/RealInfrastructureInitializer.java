package org.giaoban.testsupport;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.giaoban.testsupport.security.TestIssuer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For {@code @ContextConfiguration(initializers = ...)}: gives each Spring application context its own fresh database
 * name ({@code giaoban_test_<8 random hex>}) and points the service at the test Kafka of {@link TestInfrastructure}.
 *
 * <p>It sets these properties, with the highest precedence (a property source named
 * {@code giaobanTestInfrastructure}, added first):
 * {@code spring.datasource.url}, {@code spring.datasource.username}, {@code spring.datasource.password},
 * {@code spring.kafka.bootstrap-servers}, {@code spring.cloud.stream.kafka.binder.brokers},
 * {@code giaoban.kafka.replication-factor=1}, {@code giaoban.test.database=<name>}, and
 * {@code giaoban.security.issuer}, {@code .audience}, {@code .jwk-set-uri} of the {@link TestIssuer}.
 *
 * <p>The database is not created here: the service creates its own database when it is missing. Databases named
 * here are dropped ({@code DROP DATABASE IF EXISTS ... WITH (FORCE)}) in a JVM shutdown hook, after their context
 * has closed (waiting a few seconds at most).
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PROPERTY_SOURCE_NAME = "giaobanTestInfrastructure";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String database = "giaoban_test_%08x".formatted(RANDOM.nextInt());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", infrastructure.jdbcUrl(database));
        properties.put("spring.datasource.username", infrastructure.postgresUser());
        properties.put("spring.datasource.password", infrastructure.postgresPassword());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers());
        properties.put("giaoban.kafka.replication-factor", "1");
        properties.put("giaoban.test.database", database);
        // Services check tokens against the test issuer's keys (the gateway's own settings are named differently).
        properties.put("giaoban.security.issuer", TestIssuer.ISSUER);
        properties.put("giaoban.security.audience", TestIssuer.AUDIENCE);
        properties.put("giaoban.security.jwk-set-uri", TestIssuer.get().jwkSetUri());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        infrastructure.dropAtExit(database, context);
    }
}
