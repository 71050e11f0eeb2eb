package org.giaoban.gateway.accounts;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.giaoban.gateway.web.Problem;

/**
 * The accounts: a Spring Authorization Server registered client (client_credentials, HTTP Basic, secret hashed by the
 * delegating password encoder) and, beside it, its role and scope. Both are written in one transaction.
 */
@Service
public class Accounts {

    static final String CLIENT_ID = "[A-Za-z0-9._-]{1,100}";
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final int MIN_SECRET_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;

    Accounts(JdbcTemplate jdbc, RegisteredClientRepository clients, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.passwords = passwords;
    }

    /** What {@link #create} did: a new account, or nothing because the same one exists. */
    public record Outcome(Account account, boolean created) {
    }

    /**
     * Creates the account, or answers the existing one when it is the same (same role, scope and secret); a different
     * one under the same client id is refused ({@code account-exists}, 409).
     */
    @Transactional
    public Outcome create(NewAccount request, String actor) {
        NewAccount account = normalised(request);
        checkScope(account);
        lock(account.clientId());
        Optional<RegisteredClient> existing = Optional.ofNullable(clients.findByClientId(account.clientId()));
        if (existing.isPresent()) {
            Account stored = find(account.clientId()).orElse(null);
            boolean same = stored != null && stored.role() == account.role() && stored.clusters().equals(account.clusters())
                    && Objects.equals(stored.urbanAreaId(), account.urbanAreaId())
                    && passwords.matches(account.secret(), existing.get().getClientSecret());
            if (!same) {
                throw new Problem(HttpStatus.CONFLICT, "account-exists",
                        "Another account with client id " + account.clientId() + " exists.");
            }
            return new Outcome(stored, false);
        }
        Instant now = Instant.now();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(account.clientId())
                .clientName(account.clientId())
                .clientIdIssuedAt(now)
                .clientSecret(passwords.encode(account.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build());
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO account (client_id, role, clusters, urban_area_id, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            insert.setString(1, account.clientId());
            insert.setString(2, account.role().name());
            insert.setArray(3, connection.createArrayOf("text", account.clusters().toArray()));
            insert.setString(4, account.urbanAreaId());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, actor);
            return insert;
        });
        return new Outcome(find(account.clientId()).orElseThrow(), true);
    }

    public List<Account> list() {
        return jdbc.query("SELECT * FROM account ORDER BY client_id", Accounts::account);
    }

    public Optional<Account> find(String clientId) {
        return jdbc.query("SELECT * FROM account WHERE client_id = ?", Accounts::account, clientId).stream().findFirst();
    }

    public boolean anyOperator() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account WHERE role = 'OPERATOR')", Boolean.class));
    }

    /**
     * Gives the client a new secret: the one offered, or a generated one (returned, and shown this once only). The old
     * secret stops working at once; tokens already issued stay valid until they expire.
     */
    @Transactional
    public String rotateSecret(String clientId, String offered) {
        if (offered != null && offered.length() < MIN_SECRET_LENGTH) {
            throw new Problem(HttpStatus.BAD_REQUEST, "secret-too-short",
                    "A secret has at least " + MIN_SECRET_LENGTH + " characters.");
        }
        lock(clientId);
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw unknown(clientId);
        }
        String secret = offered != null ? offered : generatedSecret();
        clients.save(RegisteredClient.from(client).clientSecret(passwords.encode(secret)).build());
        jdbc.update("UPDATE account SET secret_rotated_at = ? WHERE client_id = ?", Timestamp.from(Instant.now()), clientId);
        return secret;
    }

    /** Removes the client; its tokens stay valid until they expire. The last operator cannot be removed. */
    @Transactional
    public void delete(String clientId) {
        // One lock for all deletions: two operators deleting each other at once must not leave none.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "accounts:deletion");
        Account account = find(clientId).orElseThrow(() -> unknown(clientId));
        if (account.role() == Role.OPERATOR && Integer.valueOf(1).equals(
                jdbc.queryForObject("SELECT count(*) FROM account WHERE role = 'OPERATOR'", Integer.class))) {
            throw new Problem(HttpStatus.CONFLICT, "last-operator", "The last operator account cannot be removed.");
        }
        // The account row goes with it (ON DELETE CASCADE). The repository of Spring Authorization Server has no delete.
        jdbc.update("DELETE FROM oauth2_registered_client WHERE client_id = ?", clientId);
    }

    /** Coordinators run clusters, delegates vote for an urban area; no other role carries a scope. */
    private static void checkScope(NewAccount account) {
        if (account.role() == Role.COORDINATOR && account.clusters().isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "coordinator-needs-clusters", "A coordinator names the clusters it runs.");
        }
        if (account.role() == Role.DELEGATE && account.urbanAreaId() == null) {
            throw new Problem(HttpStatus.BAD_REQUEST, "delegate-needs-urban-area", "A delegate names the urban area it votes for.");
        }
        if (account.role() != Role.COORDINATOR && !account.clusters().isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "clusters-not-allowed", "Only a coordinator names clusters.");
        }
        if (account.role() != Role.DELEGATE && account.urbanAreaId() != null) {
            throw new Problem(HttpStatus.BAD_REQUEST, "urban-area-not-allowed", "Only a delegate names an urban area.");
        }
    }

    /** Clusters as a set (sorted, no repeats), so that the same account written in another order is the same. */
    private static NewAccount normalised(NewAccount account) {
        List<String> clusters = account.clusters() == null ? List.of() : account.clusters().stream().distinct().sorted().toList();
        return new NewAccount(account.clientId(), account.secret(), account.role(), clusters, account.urbanAreaId());
    }

    /** Concurrent requests for the same client id are handled one after the other. */
    private void lock(String clientId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "account:" + clientId);
    }

    private static Problem unknown(String clientId) {
        return new Problem(HttpStatus.NOT_FOUND, "unknown-account", "No account " + clientId + " exists.");
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Account account(ResultSet row, int n) throws SQLException {
        Array clusters = row.getArray("clusters");
        Timestamp rotated = row.getTimestamp("secret_rotated_at");
        return new Account(row.getString("client_id"), Role.valueOf(row.getString("role")),
                clusters == null ? List.of() : Arrays.asList((String[]) clusters.getArray()),
                row.getString("urban_area_id"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
                rotated == null ? null : rotated.toInstant());
    }
}
