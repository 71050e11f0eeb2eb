package org.giaoban.gateway;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.RealInfrastructureInitializer;
import org.giaoban.testsupport.TestInfrastructure;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile no demo client or person exists and no documented demo secret is accepted: the first
 * operator's secret from the environment must meet the secret policy, the console's too (else the gateway does not
 * start, saying why), and demo clients and people a local run left in the database with their documented secrets are
 * removed at start, as is the console's registration when no secret is set. The sign-in cookie is Secure.
 */
class OutsideTheLocalProfileTest {

    private static final String OPERATOR_ID = "--giaoban.bootstrap.operator.id=first-operator";

    @Test
    void aDocumentedOrTrivialSecretForTheFirstOperatorStopsTheStart() {
        for (String secret : new String[]{"operator-dev-secret", "aaaaaaaaaaaa", "password1234"}) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                    .initializers(new RealInfrastructureInitializer())
                    .profiles("test")
                    .run("--server.port=0", OPERATOR_ID, "--giaoban.bootstrap.operator.secret=" + secret).close())
                    .as(secret)
                    .extracting(NestedExceptionUtils::getMostSpecificCause, InstanceOfAssertFactories.THROWABLE)
                    .hasMessageContaining("GIAOBAN_BOOTSTRAP_OPERATOR_SECRET")
                    .hasMessageContaining("weak-secret")
                    .hasMessageNotContaining(secret);
        }
    }

    @Test
    void demoClientsLeftByALocalRunAreRemovedAndTheFirstOperatorComesFromTheEnvironment() {
        String database;
        try (ConfigurableApplicationContext local = new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .profiles("test", "local")
                .run("--server.port=0")) {
            database = local.getEnvironment().getProperty("giaoban.test.database");
            Http gateway = new Http(port(local));
            assertThat(new Tokens(gateway).request("operator", "operator-dev-secret").status()).isEqualTo(200);
            // A demo client whose secret was changed is no longer a demo client: it stays.
            String operator = new Tokens(gateway).of("operator", "operator-dev-secret");
            assertThat(Tokens.withToken(gateway, operator, "POST", "/api/accounts/analyst/secret",
                    "{\"secret\": \"analyst-own-secret-1\"}").status()).isEqualTo(200);
        }

        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (ConfigurableApplicationContext elsewhere = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                        "--spring.datasource.username=" + infrastructure.postgresUser(),
                        "--spring.datasource.password=" + infrastructure.postgresPassword(),
                        OPERATOR_ID, "--giaoban.bootstrap.operator.secret=first-operator-secret-9")) {
            Tokens tokens = new Tokens(new Http(port(elsewhere)));
            assertThat(tokens.request("operator", "operator-dev-secret").status()).isEqualTo(401);
            assertThat(tokens.request("editor", "editor-dev-secret").status()).isEqualTo(401);
            assertThat(tokens.request("analyst", "analyst-own-secret-1").status()).isEqualTo(200);
            // The demo operator was removed: the first operator of the environment was created.
            assertThat(tokens.request("first-operator", "first-operator-secret-9").status()).isEqualTo(200);
            // So were the demo people, and the console's registration made with its documented secret (none is set).
            JdbcTemplate jdbc = elsewhere.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT username FROM person", String.class)).isEmpty();
            assertThat(jdbc.queryForList("SELECT client_id FROM oauth2_registered_client", String.class)).doesNotContain("console");
        }
    }

    @Test
    void theConsolesDocumentedSecretStopsTheStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .profiles("test")
                .run("--server.port=0", OPERATOR_ID, "--giaoban.bootstrap.operator.secret=first-operator-secret-9",
                        "--giaoban.console.client-secret=console-dev-secret-4Tq9").close())
                .extracting(NestedExceptionUtils::getMostSpecificCause, InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("GIAOBAN_CONSOLE_CLIENT_SECRET")
                .hasMessageContaining("weak-secret")
                .hasMessageNotContaining("console-dev-secret-4Tq9");
    }

    @Test
    void withoutTheLocalProfileThereAreNoDemoClients() {
        try (ConfigurableApplicationContext elsewhere = new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .profiles("test")
                .run("--server.port=0", OPERATOR_ID, "--giaoban.bootstrap.operator.secret=first-operator-secret-9")) {
            Tokens tokens = new Tokens(new Http(port(elsewhere)));
            for (String demo : new String[]{"operator", "editor", "analyst"}) {
                assertThat(tokens.request(demo, demo + "-dev-secret").status()).as(demo).isEqualTo(401);
            }
            assertThat(tokens.request("first-operator", "first-operator-secret-9").status()).isEqualTo(200);
            // No demo person either, no console without its secret; and the sign-in session's cookie is Secure here.
            assertThat(elsewhere.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM person", Integer.class)).isZero();
            assertThat(elsewhere.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM oauth2_registered_client WHERE client_id = 'console'", Integer.class)).isZero();
            assertThat(new Browser(port(elsewhere)).get("/login").raw().headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("GIAOBAN_GATEWAY=").contains("Secure", "HttpOnly", "SameSite=Lax"));
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
