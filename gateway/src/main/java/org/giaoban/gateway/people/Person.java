package org.giaoban.gateway.people;

import java.time.Instant;
import java.util.List;

import org.giaoban.gateway.accounts.Role;

/**
 * A person who signs in at the gateway, as the users API shows them: never their password or its hash. {@code locked}
 * and {@code lockedUntil} say whether failed sign-ins lock them now (null when not).
 */
public record Person(String username, String displayName, Role role, List<String> clusters, String urbanAreaId,
                     boolean enabled, boolean locked, Instant lockedUntil, Instant createdAt, String createdBy,
                     Instant passwordChangedAt) {
}
