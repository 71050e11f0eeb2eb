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
 * delegating password encoder) and, beside it, its role and scope. Both are written in one transaction. A new secret
 * or a deletion revokes the client's earlier tokens ({@link Revocations}) in the same transaction.
 */
@Service
public class Accounts {

    /**
     * Letters, digits, {@code -}, {@code _} and {@code .}, not starting with {@code .}: so never {@code .} or
     * {@code ..}, which no URL path can carry to {@code /api/accounts/{clientId}} (clients normalise them away).
     */
    public static final String CLIENT_ID = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}";
    public static final String CLIENT_ID_RULE = "letters, digits, '-', '_' or '.', not starting with '.', at most 100";
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final SecretPolicy policy;
    private final Revocations revocations;
    private final Subjects subjects;

    Accounts(JdbcTemplate jdbc, RegisteredClientRepository clients, PasswordEncoder passwords, SecretPolicy policy,
             Revocations revocations, Subjects subjects) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.passwords = passwords;
        this.policy = policy;
        this.revocations = revocations;
        this.subjects = subjects;
    }

    /**
     * What a token for the client is made of, read in one statement: its account, the secret hash stored now (to see
     * whether the client authenticated with the current one) and when its earlier tokens were last revoked.
     */
    public record Grant(Account account, String secretHash, Instant revokedBefore) {
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
        if (account.clientId() == null || !account.clientId().matches(CLIENT_ID)) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-client-id", "A client id is made of " + CLIENT_ID_RULE + ".",
                    "clientId");
        }
        policy.check(account.clientId(), account.secret());
        checkScope(account.role(), account.clusters(), account.urbanAreaId());
        subjects.lock(account.clientId());
        if (subjects.isPerson(account.clientId())) {
            throw new Problem(HttpStatus.CONFLICT, "account-exists",
                    "A person signs in with the username " + account.clientId() + ": a client id and a username are never the same.");
        }
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

    /** The client's account, current secret hash and last revocation, if the client exists. */
    public Optional<Grant> grant(String clientId) {
        return jdbc.query("""
                SELECT a.*, c.client_secret, r.revoked_before FROM account a
                JOIN oauth2_registered_client c ON c.client_id = a.client_id
                LEFT JOIN revoked_subject r ON r.subject = a.client_id
                WHERE a.client_id = ?""", (row, n) -> {
            Timestamp revoked = row.getTimestamp("revoked_before");
            return new Grant(account(row, n), row.getString("client_secret"), revoked == null ? null : revoked.toInstant());
        }, clientId).stream().findFirst();
    }

    /** An OPERATOR account or an enabled OPERATOR person exists. */
    public boolean anyOperator() {
        return subjects.operators() > 0;
    }

    /**
     * Gives the client a new secret: the one offered, or a generated one (returned, and shown this once only). The old
     * secret stops working at once, and the tokens issued before are revoked.
     */
    @Transactional
    public String rotateSecret(String clientId, String offered) {
        if (offered != null) {
            policy.check(clientId, offered);
        }
        subjects.lock(clientId);
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw unknown(clientId);
        }
        String secret = offered != null ? offered : generatedSecret();
        clients.save(RegisteredClient.from(client).clientSecret(passwords.encode(secret)).build());
        jdbc.update("UPDATE account SET secret_rotated_at = ? WHERE client_id = ?", Timestamp.from(Instant.now()), clientId);
        revocations.revoke(clientId);
        return secret;
    }

    /**
     * Removes the client and revokes its tokens. The last operator (machine accounts and enabled people together) cannot
     * be removed.
     */
    @Transactional
    public Account delete(String clientId) {
        subjects.lockOperators();
        Account account = find(clientId).orElseThrow(() -> unknown(clientId));
        if (account.role() == Role.OPERATOR && subjects.operators() <= 1) {
            throw new Problem(HttpStatus.CONFLICT, "last-operator", "The last operator cannot be removed.");
        }
        remove(clientId);
        return account;
    }

    /**
     * Removes the client whatever its role (the start-up removes demo clients outside the local profile, before the
     * first operator may be created), and revokes its tokens.
     */
    @Transactional
    void deleteAtStart(String clientId) {
        subjects.lockOperators();
        remove(clientId);
    }

    /** Whether {@code secret} is the client's secret now (one bcrypt comparison). */
    boolean hasSecret(String clientId, String secret) {
        RegisteredClient client = clients.findByClientId(clientId);
        return client != null && passwords.matches(secret, client.getClientSecret());
    }

    private void remove(String clientId) {
        // The account row goes with it (ON DELETE CASCADE). The repository of Spring Authorization Server has no delete.
        jdbc.update("DELETE FROM oauth2_registered_client WHERE client_id = ?", clientId);
        revocations.revoke(clientId);
    }

    /**
     * Coordinators run clusters, delegates vote for an urban area; no other role carries a scope. The same for machine
     * accounts and people; {@code clusters} is never null.
     */
    public static void checkScope(Role role, List<String> clusters, String urbanAreaId) {
        if (role == Role.COORDINATOR && clusters.isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "coordinator-needs-clusters", "A coordinator names the clusters it runs.");
        }
        if (role == Role.DELEGATE && urbanAreaId == null) {
            throw new Problem(HttpStatus.BAD_REQUEST, "delegate-needs-urban-area", "A delegate names the urban area it votes for.");
        }
        if (role != Role.COORDINATOR && !clusters.isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "clusters-not-allowed", "Only a coordinator names clusters.");
        }
        if (role != Role.DELEGATE && urbanAreaId != null) {
            throw new Problem(HttpStatus.BAD_REQUEST, "urban-area-not-allowed", "Only a delegate names an urban area.");
        }
    }

    /** Clusters as a set (sorted, no repeats), so that the same account written in another order is the same. */
    private static NewAccount normalised(NewAccount account) {
        List<String> clusters = account.clusters() == null ? List.of() : account.clusters().stream().distinct().sorted().toList();
        return new NewAccount(account.clientId(), account.secret(), account.role(), clusters, account.urbanAreaId());
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
