package org.giaoban.gateway.accounts;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.giaoban.gateway.web.Problem;
import org.giaoban.platform.security.SecurityLog;

/**
 * The accounts API of API.md; the security configuration lets only OPERATOR tokens in. Each change is a line of the
 * security log (who, what, from where). Every route naming one account also takes its id as a query parameter
 * ({@code ?clientId=}): a path segment cannot carry every id (clients normalise {@code .} and {@code ..} away, the
 * firewall refuses them encoded), and accounts created before ids were checked may have such ids.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountsController {

    static final String CREATED = "account-created";
    static final String ROTATED = "account-secret-rotated";
    static final String DELETED = "account-deleted";

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** 201 with a Location for a new account, 200 when the same account exists, 409 when another one does. */
    @PostMapping
    ResponseEntity<Account> create(@Valid @RequestBody NewAccount request, Authentication operator, HttpServletRequest http) {
        Accounts.Outcome outcome = accounts.create(request, operator.getName());
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.account());
        }
        Account account = outcome.account();
        SecurityLog.info(CREATED, http, "actor", operator.getName(), "clientId", account.clientId(), "role", account.role().name(),
                "clusters", String.join(",", account.clusters()), "urbanAreaId", account.urbanAreaId());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.clientId())).body(account);
    }

    @GetMapping(params = "!clientId")
    List<Account> list() {
        return accounts.list();
    }

    @GetMapping("/{clientId}")
    Account one(@PathVariable String clientId) {
        return accounts.find(clientId).orElseThrow(
                () -> new Problem(HttpStatus.NOT_FOUND, "unknown-account", "No account " + clientId + " exists."));
    }

    /** {@code GET /api/accounts?clientId=...}: one account, whatever its id. */
    @GetMapping(params = "clientId")
    Account oneByQuery(@RequestParam String clientId) {
        return one(clientId);
    }

    /**
     * Rotates the secret and revokes the tokens issued before. With a body {@code {"secret": "..."}} that secret is set
     * and not echoed; without one a secret is generated and answered this once ({@code {"clientId", "secret"}}): it is
     * stored only as a hash.
     */
    @PostMapping("/{clientId}/secret")
    Map<String, String> rotateSecret(@PathVariable String clientId, @RequestBody(required = false) NewSecret body,
                                     Authentication operator, HttpServletRequest http) {
        String offered = body == null ? null : body.secret();
        String secret = accounts.rotateSecret(clientId, offered);
        SecurityLog.info(ROTATED, http, "actor", operator.getName(), "clientId", clientId);
        return offered == null ? Map.of("clientId", clientId, "secret", secret) : Map.of("clientId", clientId);
    }

    /** {@code POST /api/accounts/secret?clientId=...}: as {@code /{clientId}/secret}, for any id. */
    @PostMapping(path = "/secret", params = "clientId")
    Map<String, String> rotateSecretByQuery(@RequestParam String clientId, @RequestBody(required = false) NewSecret body,
                                            Authentication operator, HttpServletRequest http) {
        return rotateSecret(clientId, body, operator, http);
    }

    /** Removes the account and revokes its tokens. */
    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId, Authentication operator, HttpServletRequest http) {
        Account deleted = accounts.delete(clientId);
        SecurityLog.info(DELETED, http, "actor", operator.getName(), "clientId", clientId, "role", deleted.role().name());
        return ResponseEntity.noContent().build();
    }

    /** {@code DELETE /api/accounts?clientId=...}: as {@code /{clientId}}, for any id. */
    @DeleteMapping(params = "clientId")
    ResponseEntity<Void> deleteByQuery(@RequestParam String clientId, Authentication operator, HttpServletRequest http) {
        return delete(clientId, operator, http);
    }

    record NewSecret(String secret) {
    }
}
