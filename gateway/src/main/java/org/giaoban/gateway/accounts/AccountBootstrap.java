package org.giaoban.gateway.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.giaoban.gateway.web.Problem;
import org.giaoban.platform.security.SecurityLog;

/**
 * The first accounts. In the {@code local} profile, and only there, the three documented demo clients of API.md.
 * Elsewhere no demo client exists: one left in the database by a local run that still takes its documented secret is
 * removed at start (and its tokens revoked); and the first operator comes from the environment
 * ({@code GIAOBAN_BOOTSTRAP_OPERATOR_ID} and {@code _SECRET}), created when no operator exists yet. Its secret must meet
 * the {@link SecretPolicy}, which outside the local profile refuses the documented demo secrets too: the gateway then
 * refuses to start, saying why. Other existing accounts are left as they are (a rotated demo secret stays rotated).
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String ACTOR = "bootstrap";
    static final List<NewAccount> DEMO_ACCOUNTS = List.of(
            new NewAccount("operator", "operator-dev-secret", Role.OPERATOR, null, null),
            new NewAccount("editor", "editor-dev-secret", Role.EDITOR, null, null),
            new NewAccount("analyst", "analyst-dev-secret", Role.ANALYST, null, null));

    private final Accounts accounts;
    private final boolean local;
    private final String operatorId;
    private final String operatorSecret;

    AccountBootstrap(Accounts accounts, Environment environment,
                     @Value("${giaoban.bootstrap.operator.id:}") String operatorId,
                     @Value("${giaoban.bootstrap.operator.secret:}") String operatorSecret) {
        this.accounts = accounts;
        this.local = AccountsConfiguration.local(environment);
        this.operatorId = operatorId;
        this.operatorSecret = operatorSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (local) {
            DEMO_ACCOUNTS.stream().filter(demo -> accounts.find(demo.clientId()).isEmpty()).forEach(demo -> {
                accounts.create(demo, ACTOR);
                log.info("Demo account {} ({}) created", demo.clientId(), demo.role());
                SecurityLog.info(AccountsController.CREATED, null, "actor", ACTOR, "clientId", demo.clientId(),
                        "role", demo.role().name());
            });
        } else {
            removeDemoAccounts();
        }
        if (accounts.anyOperator()) {
            return;
        }
        if (operatorId.isBlank() || operatorSecret.isBlank()) {
            log.warn("No operator account exists: set GIAOBAN_BOOTSTRAP_OPERATOR_ID and GIAOBAN_BOOTSTRAP_OPERATOR_SECRET"
                    + " (at least {} characters, not trivial) to create the first one at start", SecretPolicy.MIN_LENGTH);
            return;
        }
        try {
            accounts.create(new NewAccount(operatorId, operatorSecret, Role.OPERATOR, null, null), ACTOR);
        } catch (Problem refused) {
            String reason = "The first operator cannot be created from GIAOBAN_BOOTSTRAP_OPERATOR_ID and"
                    + " GIAOBAN_BOOTSTRAP_OPERATOR_SECRET (" + refused.code() + "): " + refused.getMessage()
                    + (local ? "" : " Outside the local profile the demo secrets of the documentation are refused too.")
                    + " Choose another and start again.";
            log.error(reason);
            throw new IllegalStateException(reason);
        }
        log.info("First operator account {} created from the environment", operatorId);
        SecurityLog.info(AccountsController.CREATED, null, "actor", ACTOR, "clientId", operatorId, "role", Role.OPERATOR.name());
    }

    /** Outside the local profile: a demo client that still takes its documented secret would be anybody's. */
    private void removeDemoAccounts() {
        for (NewAccount demo : DEMO_ACCOUNTS) {
            if (accounts.hasSecret(demo.clientId(), demo.secret())) {
                accounts.deleteAtStart(demo.clientId());
                log.warn("Demo account {} (left by a run in the local profile) still had its documented secret: removed,"
                        + " as no demo client may exist outside the local profile", demo.clientId());
                SecurityLog.warn(AccountsController.DELETED, null, "actor", ACTOR, "clientId", demo.clientId(),
                        "role", demo.role().name(), "reason", "demo-client-outside-local-profile");
            }
        }
    }
}
