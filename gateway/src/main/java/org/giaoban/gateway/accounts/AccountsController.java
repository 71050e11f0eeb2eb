package org.giaoban.gateway.accounts;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RestController;

import org.giaoban.gateway.web.Problem;

/** The accounts API of API.md; the security configuration lets only OPERATOR tokens in. */
@RestController
@RequestMapping("/api/accounts")
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** 201 with a Location for a new account, 200 when the same account exists, 409 when another one does. */
    @PostMapping
    ResponseEntity<Account> create(@Valid @RequestBody NewAccount request, Authentication operator) {
        Accounts.Outcome outcome = accounts.create(request, operator.getName());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/accounts/" + outcome.account().clientId())).body(outcome.account())
                : ResponseEntity.ok(outcome.account());
    }

    @GetMapping
    List<Account> list() {
        return accounts.list();
    }

    @GetMapping("/{clientId}")
    Account one(@PathVariable String clientId) {
        return accounts.find(clientId).orElseThrow(
                () -> new Problem(HttpStatus.NOT_FOUND, "unknown-account", "No account " + clientId + " exists."));
    }

    /**
     * Rotates the secret. With a body {@code {"secret": "..."}} that secret is set and not echoed; without one a
     * secret is generated and answered this once ({@code {"clientId", "secret"}}): it is stored only as a hash.
     */
    @PostMapping("/{clientId}/secret")
    Map<String, String> rotateSecret(@PathVariable String clientId, @RequestBody(required = false) NewSecret body) {
        String offered = body == null ? null : body.secret();
        String secret = accounts.rotateSecret(clientId, offered);
        return offered == null ? Map.of("clientId", clientId, "secret", secret) : Map.of("clientId", clientId);
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId) {
        accounts.delete(clientId);
        return ResponseEntity.noContent().build();
    }

    record NewSecret(String secret) {
    }
}
