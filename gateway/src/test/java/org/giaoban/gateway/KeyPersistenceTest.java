package org.giaoban.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway started, stopped and started again on the same database, as after a restart: the signing keys come back
 * from the database, so earlier tokens still verify; a rotation leaves the previous key published.
 */
class KeyPersistenceTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> DATABASES = new CopyOnWriteArrayList<>();

    @Test
    void tokensIssuedBeforeARestartStillVerifyAfterIt() {
        String database = newDatabase();
        String before;
        String kid;
        try (ConfigurableApplicationContext gateway = start(database, "local")) {
            Tokens tokens = new Tokens(http(gateway));
            before = tokens.of("operator", "operator-dev-secret");
            kid = Tokens.kid(before);
        }
        try (ConfigurableApplicationContext gateway = start(database, "local")) {
            Http http = http(gateway);
            Tokens tokens = new Tokens(http);
            assertThat(tokens.verified(before).getSubject()).isEqualTo("operator");
            assertThat(Tokens.withToken(http, before, "GET", "/api/accounts", null).status()).isEqualTo(200);
            assertThat(Tokens.kid(tokens.of("operator", "operator-dev-secret"))).isEqualTo(kid);
        }
    }

    @Test
    void aRotatedKeySignsFromThenOnAndThePreviousOneStaysPublished() {
        try (ConfigurableApplicationContext gateway = start(newDatabase(), "local")) {
            Http http = http(gateway);
            Tokens tokens = new Tokens(http);
            String before = tokens.of("operator", "operator-dev-secret");
            assertThat(Tokens.withToken(http, tokens.of("editor", "editor-dev-secret"), "POST", "/api/keys/rotation", null).status())
                    .isEqualTo(403);

            Http.Response rotation = Tokens.withToken(http, before, "POST", "/api/keys/rotation", null);
            assertThat(rotation.status()).isEqualTo(201);
            String newKid = rotation.json().path("kid").asText();
            assertThat(rotation.json().path("previousKid").asText()).isEqualTo(Tokens.kid(before));
            assertThat(publishedKids(http)).contains(Tokens.kid(before), newKid);

            String after = tokens.of("operator", "operator-dev-secret");
            assertThat(Tokens.kid(after)).isEqualTo(newKid);
            assertThat(tokens.verified(after).getSubject()).isEqualTo("operator");
            assertThat(tokens.verified(before).getSubject()).isEqualTo("operator");
            assertThat(Tokens.withToken(http, before, "GET", "/api/accounts", null).status()).isEqualTo(200);
            assertThat(Tokens.withToken(http, after, "GET", "/api/accounts", null).status()).isEqualTo(200);
        }
    }

    @Test
    void anotherGatewayInstanceAcceptsTokensOfANewKeyAtOnce() {
        String database = newDatabase();
        try (ConfigurableApplicationContext first = start(database, "local");
             ConfigurableApplicationContext second = start(database, "local")) {
            Http one = http(first);
            Http two = http(second);
            String operator = new Tokens(one).of("operator", "operator-dev-secret");
            assertThat(Tokens.withToken(two, operator, "GET", "/api/accounts", null).status()).isEqualTo(200);

            assertThat(Tokens.withToken(one, operator, "POST", "/api/keys/rotation", null).status()).isEqualTo(201);
            String signedByNewKey = new Tokens(one).of("operator", "operator-dev-secret");
            // The second instance rereads the keys when a token names one it has not seen (at most once a second).
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Tokens.withToken(two, signedByNewKey, "GET", "/api/accounts", null).status()).isEqualTo(200));
            assertThat(publishedKids(two)).contains(Tokens.kid(operator), Tokens.kid(signedByNewKey));
        }
    }

    @Test
    void aRetiredKeyLeavesTheJwksOnceItsRetentionIsOver() {
        try (ConfigurableApplicationContext gateway = start(newDatabase(), "local", "--giaoban.keys.retired-key-retention=PT0S")) {
            Http http = http(gateway);
            Tokens tokens = new Tokens(http);
            String before = tokens.of("operator", "operator-dev-secret");
            Http.Response rotation = Tokens.withToken(http, before, "POST", "/api/keys/rotation", null);
            assertThat(rotation.status()).isEqualTo(201);
            assertThat(publishedKids(http)).containsExactly(rotation.json().path("kid").asText());
            assertThat(Tokens.withToken(http, before, "GET", "/api/accounts", null).status()).isEqualTo(401);
        }
    }

    @Test
    void outsideTheLocalProfileTheFirstOperatorComesFromConfigurationAndNoDemoClientExists() {
        String database = newDatabase();
        try (ConfigurableApplicationContext gateway = start(database, "production",
                "--giaoban.bootstrap.operator.id=first-operator", "--giaoban.bootstrap.operator.secret=first-operator-secret")) {
            Tokens tokens = new Tokens(http(gateway));
            assertThat(tokens.verified(tokens.of("first-operator", "first-operator-secret")).getClaim("roles"))
                    .isEqualTo(List.of("OPERATOR"));
            assertThat(tokens.request("operator", "operator-dev-secret").status()).isEqualTo(401);
            assertThat(tokens.request("editor", "editor-dev-secret").status()).isEqualTo(401);
        }
        // At a later start with other settings, the existing operator is kept and no second one is made.
        try (ConfigurableApplicationContext gateway = start(database, "production",
                "--giaoban.bootstrap.operator.id=second-operator", "--giaoban.bootstrap.operator.secret=second-operator-secret")) {
            Tokens tokens = new Tokens(http(gateway));
            assertThat(tokens.request("first-operator", "first-operator-secret").status()).isEqualTo(200);
            assertThat(tokens.request("second-operator", "second-operator-secret").status()).isEqualTo(401);
        }
    }

    private static Set<String> publishedKids(Http http) {
        return StreamSupport.stream(http.get("/oauth2/jwks").json().path("keys").spliterator(), false)
                .map(key -> key.path("kid").asText()).collect(Collectors.toSet());
    }

    private static String newDatabase() {
        String database = "giaoban_test_gw_%08x".formatted(RANDOM.nextInt());
        DATABASES.add(database);
        return database;
    }

    /**
     * Settings as command-line arguments: they must outrank application.yml (default properties would not), or the
     * gateway would start on port 8080 against the real giaoban_gateway database.
     */
    private static ConfigurableApplicationContext start(String database, String profile, String... settings) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.postgresUser(),
                "--spring.datasource.password=" + infrastructure.postgresPassword()));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test", profile)
                .run(args.toArray(String[]::new));
        assertThat(gateway.getEnvironment().getProperty("spring.datasource.url")).endsWith("/" + database);
        return gateway;
    }

    private static Http http(ConfigurableApplicationContext gateway) {
        return new Http(((ServletWebServerApplicationContext) gateway).getWebServer().getPort());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"),
                infrastructure.postgresUser(), infrastructure.postgresPassword());
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            }
        }
    }
}
