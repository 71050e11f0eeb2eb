package org.giaoban.platform.demo;

import java.util.List;

/**
 * Where a demo loader gets the token of each client it acts as: the gateway's token endpoint when it runs against
 * the system ({@link GatewayCredentials}), a test issuer in the services' own tests.
 */
public interface Credentials {

    /** A bearer token for {@code account}, creating the account first where that is needed. */
    String tokenFor(Account account);

    /** A client of API.md's accounts API: its id, role and scope. */
    record Account(String clientId, String role, List<String> clusters, String urbanAreaId) {

        public static Account operator() {
            return new Account("operator", "OPERATOR", List.of(), null);
        }

        public static Account editor(String clientId) {
            return new Account(clientId, "EDITOR", List.of(), null);
        }

        public static Account coordinator(String clientId, String... clusters) {
            return new Account(clientId, "COORDINATOR", List.of(clusters), null);
        }

        /** The delegate of an urban area, named after it. */
        public static Account delegate(String urbanAreaId) {
            return new Account("delegate-" + urbanAreaId, "DELEGATE", List.of(), urbanAreaId);
        }
    }
}
