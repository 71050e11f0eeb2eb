package org.giaoban.gateway.accounts;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/accounts}. {@code clusters} is for coordinators (required, not empty),
 * {@code urbanAreaId} for delegates (required); other roles take neither. The secret must also meet the
 * {@link SecretPolicy}.
 */
public record NewAccount(
        @NotBlank @Pattern(regexp = Accounts.CLIENT_ID, message = Accounts.CLIENT_ID_RULE) String clientId,
        @NotBlank @Size(min = SecretPolicy.MIN_LENGTH, max = SecretPolicy.MAX_BYTES) String secret,
        @NotNull Role role,
        List<@NotBlank @Pattern(regexp = Accounts.SLUG, message = "a cluster id") String> clusters,
        @Pattern(regexp = Accounts.SLUG, message = "an urban area id") String urbanAreaId) {
}
