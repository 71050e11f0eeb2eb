package org.giaoban.gateway.people;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Role;

/**
 * The body of {@code POST /api/users}: a username like a client id (and never one), a display name (NFC, 1 to 100
 * characters), a password meeting the secret policy, and a role with its scope as for accounts: {@code clusters} for a
 * coordinator, {@code urbanAreaId} for a delegate.
 */
public record NewPerson(
        @NotBlank @Pattern(regexp = Accounts.CLIENT_ID, message = Accounts.CLIENT_ID_RULE) String username,
        @NotNull String displayName,
        @NotNull String password,
        @NotNull Role role,
        List<@NotBlank @Pattern(regexp = Accounts.SLUG, message = "a cluster id") String> clusters,
        @Pattern(regexp = Accounts.SLUG, message = "an urban area id") String urbanAreaId) {
}
