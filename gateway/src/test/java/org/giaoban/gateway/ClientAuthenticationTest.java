package org.giaoban.gateway;

import org.giaoban.gateway.security.ClientSecretCheck;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint tells an unknown client id from a known one with a wrong secret neither by its answer nor by its
 * time: the unknown client's secret is compared with a decoy bcrypt hash (the mechanism is checked, not the clock).
 */
class ClientAuthenticationTest extends GatewayTestBase {

    @Autowired
    ClientSecretCheck secrets;

    @Test
    void anUnknownClientsSecretIsComparedAsAKnownClientsIs() {
        long before = secrets.decoyComparisons();
        assertThat(tokens.request("no-such-client", "some-secret-123").status()).isEqualTo(401);
        assertThat(secrets.decoyComparisons() - before).isEqualTo(1);

        // A known client's secret is compared with its own hash, not the decoy.
        assertThat(tokens.request("analyst", "some-secret-123").status()).isEqualTo(401);
        assertThat(secrets.decoyComparisons() - before).isEqualTo(1);
    }

    @Test
    void anUnknownClientAndAWrongSecretAreRefusedAlike() {
        Http.Response unknown = tokens.request("no-such-client-2", "some-secret-123");
        Http.Response wrongSecret = tokens.request("editor", "some-secret-123");
        assertThat(unknown.status()).isEqualTo(wrongSecret.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongSecret.body()).contains("invalid_client").doesNotContain("client_id", "client_secret");
        assertThat(unknown.raw().headers().firstValue("WWW-Authenticate")).isEqualTo(wrongSecret.raw().headers().firstValue("WWW-Authenticate"));
    }
}
