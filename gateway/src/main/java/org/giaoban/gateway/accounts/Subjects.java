package org.giaoban.gateway.accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names tokens are issued to, in one namespace: machine clients' ids ({@code oauth2_registered_client}, which also
 * holds the console's registration) and people's usernames ({@code person}). A name is taken by one of them at most, so
 * a token's subject, a revocation and a security log line always mean one party. Creations and removals under a name,
 * and every change that could leave no operator, are serialised by PostgreSQL advisory locks taken in the caller's
 * transaction (no constraint spans the two tables).
 */
@Component
public class Subjects {

    private final JdbcTemplate jdbc;

    Subjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Concurrent changes under the same name are made one after the other (until the caller's transaction ends). */
    public void lock(String name) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "account:" + name);
    }

    /** One lock for every change that removes an operator: two operators removing each other at once must not leave none. */
    public void lockOperators() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "accounts:deletion");
    }

    /** A registered OAuth2 client (a machine account, or the console) has this id. */
    public boolean isClient(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM oauth2_registered_client WHERE client_id = ?)", Boolean.class, name));
    }

    /** A person has this username. */
    public boolean isPerson(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM person WHERE username = ?)", Boolean.class, name));
    }

    /** Who can administer Giao Ban: OPERATOR machine accounts and enabled OPERATOR people, together. */
    public int operators() {
        Integer count = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM account WHERE role = 'OPERATOR')
                     + (SELECT count(*) FROM person WHERE role = 'OPERATOR' AND enabled)""", Integer.class);
        return count == null ? 0 : count;
    }
}
