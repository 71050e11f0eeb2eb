package org.giaoban.gateway.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Revocations;
import org.giaoban.gateway.accounts.Role;
import org.giaoban.gateway.accounts.SecretPolicy;
import org.giaoban.gateway.accounts.Subjects;
import org.giaoban.gateway.web.Problem;
import org.giaoban.platform.text.VietnameseText;

/**
 * The people who sign in at the gateway (table {@code person}): created, listed, disabled, enabled and reset by an
 * operator, and what their sign-in and their tokens need. A username is a token subject like a client id and never
 * the same as one ({@link Subjects}). Disabling, a new password and deletion revoke the person's access tokens
 * ({@link Revocations}), remove their recorded authorizations (so their refresh tokens and unused codes stop working)
 * and end their sign-in sessions, in one transaction.
 */
@Service
public class People {

    static final int MAX_DISPLAY_NAME = 100;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SecretPolicy policy;
    private final Revocations revocations;
    private final Subjects subjects;
    private final PeopleProperties settings;
    private final Clock clock;

    People(JdbcTemplate jdbc, PasswordEncoder passwords, SecretPolicy policy, Revocations revocations, Subjects subjects,
           PeopleProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.revocations = revocations;
        this.subjects = subjects;
        this.settings = settings;
        this.clock = clock;
    }

    /** What {@link #create} did: a new person, or nothing because the same one exists. */
    public record Outcome(Person person, boolean created) {
    }

    /** What a change did: {@code changed} is false when the person already was so. */
    public record Change(Person person, boolean changed) {
    }

    /** What a person's tokens are made of: the person and when their earlier tokens were last revoked (or null). */
    public record TokenGrant(Person person, Instant revokedBefore) {
    }

    /** A person as stored, for the sign-in and the tokens: with the hash, the failures and the last revocations. */
    record Stored(Person person, String passwordHash, Instant lockedUntil, Instant sessionsEndedAt, Instant revokedBefore) {
    }

    /**
     * Creates the person, or answers the existing one when it is the same (display name, role, scope and password);
     * another under that username, or a client with that id, is refused ({@code user-exists}, 409).
     */
    @Transactional
    public Outcome create(NewPerson request, String actor) {
        if (request.username() == null || !request.username().matches(Accounts.CLIENT_ID)) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-username",
                    "A username is made of " + Accounts.CLIENT_ID_RULE + ".", "username");
        }
        String username = request.username();
        String displayName = displayName(request.displayName());
        List<String> clusters = request.clusters() == null ? List.of()
                : request.clusters().stream().distinct().sorted().toList();
        policy.checkPassword(username, request.password());
        Accounts.checkScope(request.role(), clusters, request.urbanAreaId());
        subjects.lock(username);
        if (subjects.isClient(username)) {
            throw new Problem(HttpStatus.CONFLICT, "user-exists",
                    "A machine client has the id " + username + ": a username and a client id are never the same.");
        }
        Optional<Stored> existing = stored(username);
        if (existing.isPresent()) {
            Person stored = existing.get().person();
            boolean same = stored.displayName().equals(displayName) && stored.role() == request.role()
                    && stored.clusters().equals(clusters) && Objects.equals(stored.urbanAreaId(), request.urbanAreaId())
                    && passwords.matches(request.password(), existing.get().passwordHash());
            if (!same) {
                throw new Problem(HttpStatus.CONFLICT, "user-exists", "Another person with username " + username + " exists.");
            }
            return new Outcome(stored, false);
        }
        Instant now = clock.instant();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO person (username, display_name, password_hash, role, clusters, urban_area_id, created_at,
                                        created_by, password_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            insert.setString(1, username);
            insert.setString(2, displayName);
            insert.setString(3, passwords.encode(request.password()));
            insert.setString(4, request.role().name());
            insert.setArray(5, connection.createArrayOf("text", clusters.toArray()));
            insert.setString(6, request.urbanAreaId());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setString(8, actor);
            insert.setTimestamp(9, Timestamp.from(now));
            return insert;
        });
        return new Outcome(find(username).orElseThrow(), true);
    }

    /** Everyone, by display name in Vietnamese order (then username). */
    public List<Person> list() {
        Comparator<Person> byName = Comparator.comparing(Person::displayName, VietnameseText.order());
        return jdbc.query(SELECT, this::row).stream().map(Stored::person)
                .sorted(byName.thenComparing(Person::username)).toList();
    }

    public Optional<Person> find(String username) {
        return stored(username).map(Stored::person);
    }

    /** Stops the person from signing in and ends what they hold: tokens, refresh tokens, sessions. */
    @Transactional
    public Change disable(String username) {
        subjects.lockOperators();
        Stored stored = stored(username).orElseThrow(() -> unknown(username));
        if (!stored.person().enabled()) {
            return new Change(stored.person(), false);
        }
        refuseLastOperator(stored.person(), "disabled");
        Instant now = clock.instant();
        jdbc.update("UPDATE person SET enabled = false, sessions_ended_at = ? WHERE username = ?", Timestamp.from(now), username);
        endEverything(username);
        return new Change(find(username).orElseThrow(), true);
    }

    /** Lets the person sign in again, and clears a lockout. */
    @Transactional
    public Change enable(String username) {
        subjects.lock(username);
        Stored stored = stored(username).orElseThrow(() -> unknown(username));
        boolean changed = !stored.person().enabled() || stored.person().locked();
        jdbc.update("UPDATE person SET enabled = true, failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
        return new Change(find(username).orElseThrow(), changed);
    }

    /**
     * Gives the person a new password (the policy applies), clears a lockout and ends what they hold: tokens, refresh
     * tokens, sessions.
     */
    @Transactional
    public Person resetPassword(String username, String password) {
        policy.checkPassword(username, password);
        subjects.lock(username);
        stored(username).orElseThrow(() -> unknown(username));
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE person SET password_hash = ?, password_changed_at = ?, sessions_ended_at = ?, failed_attempts = 0,
                                  locked_until = NULL
                WHERE username = ?""", passwords.encode(password), Timestamp.from(now), Timestamp.from(now), username);
        endEverything(username);
        return find(username).orElseThrow();
    }

    /** Removes the person and ends what they hold. The last operator cannot be removed. */
    @Transactional
    public Person delete(String username) {
        subjects.lockOperators();
        Stored stored = stored(username).orElseThrow(() -> unknown(username));
        if (stored.person().enabled()) {
            refuseLastOperator(stored.person(), "removed");
        }
        remove(username);
        return stored.person();
    }

    /** Removes the person whatever their role: the start-up removes demo people outside the local profile. */
    @Transactional
    void deleteAtStart(String username) {
        subjects.lockOperators();
        remove(username);
    }

    /** The person's token grant, if they exist and are enabled: a disabled person gets no token, nor a refreshed one. */
    public Optional<TokenGrant> tokenGrant(String username) {
        return stored(username).filter(found -> found.person().enabled())
                .map(found -> new TokenGrant(found.person(), found.revokedBefore()));
    }

    /** Whether {@code password} is the person's password now (one bcrypt comparison). */
    boolean hasPassword(String username, String password) {
        return stored(username).map(found -> passwords.matches(password, found.passwordHash())).orElse(false);
    }

    /** The person as stored, with their hash, lock and last revocation. */
    Optional<Stored> stored(String username) {
        return jdbc.query(SELECT + " WHERE p.username = ?", this::row, username).stream().findFirst();
    }

    /**
     * Counts a wrong password. Answers the instant the person is locked until when this failure locked them (or they
     * already were); empty while they have failures to spare.
     */
    @Transactional
    Optional<Instant> recordFailure(String username) {
        Instant now = clock.instant();
        List<Lockout> rows = jdbc.query("SELECT failed_attempts, locked_until FROM person WHERE username = ? FOR UPDATE",
                (row, n) -> new Lockout(row.getInt(1), instant(row, "locked_until")), username);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Lockout next = rows.get(0).failed(now, settings);
        jdbc.update("UPDATE person SET failed_attempts = ?, locked_until = ? WHERE username = ?", next.failures(),
                next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()), username);
        return next.lockedAt(now) ? Optional.of(next.lockedUntil()) : Optional.empty();
    }

    /** The right password: the failures are forgotten. */
    void recordSuccess(String username) {
        jdbc.update("UPDATE person SET failed_attempts = 0, locked_until = NULL WHERE username = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)",
                username);
    }

    /**
     * Whether a sign-in session begun at {@code signedInAt} may still open the authorization endpoint for the person:
     * they exist, are enabled and not locked, and nothing ended their sessions since.
     */
    boolean mayContinue(String username, Instant signedInAt) {
        Instant now = clock.instant();
        return stored(username).filter(found -> found.person().enabled())
                .filter(found -> found.lockedUntil() == null || !found.lockedUntil().isAfter(now))
                .filter(found -> found.sessionsEndedAt() == null || found.sessionsEndedAt().isBefore(signedInAt))
                .isPresent();
    }

    /** Why the person cannot go on ({@code disabled}, {@code locked}, {@code revoked}, {@code unknown}), for the log. */
    String whyNot(String username) {
        Optional<Stored> found = stored(username);
        if (found.isEmpty()) {
            return "unknown";
        }
        if (!found.get().person().enabled()) {
            return "disabled";
        }
        return found.get().person().locked() ? "locked" : "revoked";
    }

    /** Consecutive failures and the lock they earned: the one rule for stored people and unknown usernames alike. */
    record Lockout(int failures, Instant lockedUntil) {

        static final Lockout NONE = new Lockout(0, null);

        /** The state after one more wrong password at {@code now}. */
        Lockout failed(Instant now, PeopleProperties settings) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return this;
            }
            // A lock that has ended starts a new series.
            int count = (lockedUntil != null ? 0 : failures) + 1;
            return count >= settings.maxFailedAttempts()
                    ? new Lockout(0, now.plus(settings.lockDuration())) : new Lockout(count, null);
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private void refuseLastOperator(Person person, String what) {
        if (person.role() == Role.OPERATOR && subjects.operators() <= 1) {
            throw new Problem(HttpStatus.CONFLICT, "last-operator", "The last operator cannot be " + what + ".");
        }
    }

    private void remove(String username) {
        jdbc.update("DELETE FROM person WHERE username = ?", username);
        endEverything(username);
    }

    /** Access tokens revoked; refresh tokens, unused codes and ID tokens of their authorizations gone. */
    private void endEverything(String username) {
        revocations.revoke(username);
        jdbc.update("DELETE FROM oauth2_authorization WHERE principal_name = ?", username);
    }

    /** NFC, white space collapsed, 1 to 100 characters, none of them a control or formatting character. */
    static String displayName(String offered) {
        String name = VietnameseText.clean(offered);
        int length = name == null ? 0 : name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_DISPLAY_NAME) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-display-name",
                    "A display name has 1 to " + MAX_DISPLAY_NAME + " characters.", "displayName");
        }
        boolean printable = name.codePoints().allMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        });
        if (!printable) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-display-name",
                    "A display name has no control or formatting characters.", "displayName");
        }
        return name;
    }

    private static Problem unknown(String username) {
        return new Problem(HttpStatus.NOT_FOUND, "unknown-user", "No person " + username + " exists.");
    }

    private static final String SELECT = """
            SELECT p.*, r.revoked_before FROM person p LEFT JOIN revoked_subject r ON r.subject = p.username""";

    private Stored row(ResultSet row, int n) throws SQLException {
        Array clusters = row.getArray("clusters");
        Instant lockedUntil = instant(row, "locked_until");
        boolean locked = lockedUntil != null && lockedUntil.isAfter(clock.instant());
        Person person = new Person(row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                clusters == null ? List.of() : Arrays.asList((String[]) clusters.getArray()),
                row.getString("urban_area_id"), row.getBoolean("enabled"), locked, locked ? lockedUntil : null,
                instant(row, "created_at"), row.getString("created_by"), instant(row, "password_changed_at"));
        return new Stored(person, row.getString("password_hash"), lockedUntil, instant(row, "sessions_ended_at"),
                instant(row, "revoked_before"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
