package org.giaoban.gateway.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first accounts. In the {@code local} profile ({@code giaoban.bootstrap.demo-accounts=true}) the three documented
 * demo clients of API.md; elsewhere no default exists and the first operator comes from the environment
 * ({@code GIAOBAN_BOOTSTRAP_OPERATOR_ID} and {@code _SECRET}), created when no operator exists yet. Existing accounts
 * are left as they are (a rotated demo secret stays rotated).
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
    private final boolean demoAccounts;
    private final String operatorId;
    private final String operatorSecret;

    AccountBootstrap(Accounts accounts,
                     @Value("${giaoban.bootstrap.demo-accounts:false}") boolean demoAccounts,
                     @Value("${giaoban.bootstrap.operator.id:}") String operatorId,
                     @Value("${giaoban.bootstrap.operator.secret:}") String operatorSecret) {
        this.accounts = accounts;
        this.demoAccounts = demoAccounts;
        this.operatorId = operatorId;
        this.operatorSecret = operatorSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoAccounts) {
            DEMO_ACCOUNTS.stream().filter(demo -> accounts.find(demo.clientId()).isEmpty()).forEach(demo -> {
                accounts.create(demo, ACTOR);
                log.info("Demo account {} ({}) created", demo.clientId(), demo.role());
            });
        }
        if (accounts.anyOperator()) {
            return;
        }
        if (operatorId.isBlank() || operatorSecret.isBlank()) {
            log.warn("No operator account exists: set GIAOBAN_BOOTSTRAP_OPERATOR_ID and GIAOBAN_BOOTSTRAP_OPERATOR_SECRET"
                    + " (at least {} characters) to create the first one at start", Accounts.MIN_SECRET_LENGTH);
            return;
        }
        accounts.create(new NewAccount(operatorId, operatorSecret, Role.OPERATOR, null, null), ACTOR);
        log.info("First operator account {} created from the environment", operatorId);
    }
}
