package org.giaoban.gateway.people;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.RestController;

import org.giaoban.gateway.web.Problem;
import org.giaoban.platform.security.SecurityLog;

/**
 * The users API (OPERATOR tokens only, like the accounts API): people who sign in at the gateway's sign-in page for the
 * console. Every change is a line of the security log; no answer carries a password or its hash.
 */
@RestController
@RequestMapping("/api/users")
class PeopleController {

    static final String CREATED = "user-created";
    static final String DISABLED = "user-disabled";
    static final String ENABLED = "user-enabled";
    static final String PASSWORD_RESET = "user-password-reset";
    static final String DELETED = "user-deleted";

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    /** 201 with a Location for a new person, 200 when the same person exists, 409 {@code user-exists} otherwise. */
    @PostMapping
    ResponseEntity<Person> create(@Valid @RequestBody NewPerson request, Authentication operator, HttpServletRequest http) {
        People.Outcome outcome = people.create(request, operator.getName());
        Person person = outcome.person();
        if (!outcome.created()) {
            return ResponseEntity.ok(person);
        }
        SecurityLog.info(CREATED, http, "actor", operator.getName(), "username", person.username(),
                "role", person.role().name(), "clusters", String.join(",", person.clusters()), "urbanAreaId", person.urbanAreaId());
        return ResponseEntity.created(URI.create("/api/users/" + person.username())).body(person);
    }

    /** Everyone, by display name in Vietnamese order. */
    @GetMapping
    List<Person> list() {
        return people.list();
    }

    @GetMapping("/{username}")
    Person one(@PathVariable String username) {
        return people.find(username).orElseThrow(
                () -> new Problem(HttpStatus.NOT_FOUND, "unknown-user", "No person " + username + " exists."));
    }

    /** The person can no longer sign in; their tokens, refresh tokens and sessions end. The last operator stays. */
    @PostMapping("/{username}/disable")
    Person disable(@PathVariable String username, Authentication operator, HttpServletRequest http) {
        People.Change change = people.disable(username);
        if (change.changed()) {
            SecurityLog.info(DISABLED, http, "actor", operator.getName(), "username", username);
        }
        return change.person();
    }

    /** The person can sign in again; a lockout ends too. */
    @PostMapping("/{username}/enable")
    Person enable(@PathVariable String username, Authentication operator, HttpServletRequest http) {
        People.Change change = people.enable(username);
        if (change.changed()) {
            SecurityLog.info(ENABLED, http, "actor", operator.getName(), "username", username);
        }
        return change.person();
    }

    /** A new password chosen by the operator (the policy applies); the person's tokens and sessions end. */
    @PostMapping("/{username}/password")
    Person resetPassword(@PathVariable String username, @RequestBody NewPassword body, Authentication operator,
                         HttpServletRequest http) {
        Person person = people.resetPassword(username, body.password());
        SecurityLog.info(PASSWORD_RESET, http, "actor", operator.getName(), "username", username);
        return person;
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, Authentication operator, HttpServletRequest http) {
        Person deleted = people.delete(username);
        SecurityLog.info(DELETED, http, "actor", operator.getName(), "username", username, "role", deleted.role().name());
        return ResponseEntity.noContent().build();
    }

    record NewPassword(String password) {
    }
}
