package org.giaoban.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The client a request acts for, as its checked token says: subject, roles, and the scope of a coordinator (its
 * clusters) or of a delegate (its urban area).
 */
public record Caller(String subject, Set<Role> roles, Set<String> clusters, String urbanArea) {

    public static final String ROLES = TokenChecks.ROLES;
    public static final String CLUSTERS = "clusters";
    public static final String URBAN_AREA = "urban_area";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        clusters = Set.copyOf(clusters);
    }

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<Caller> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    public static Caller of(Jwt jwt) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(jwt.getClaim(ROLES))) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        String urbanArea = jwt.getClaimAsString(URBAN_AREA);
        return new Caller(jwt.getSubject(), roles, Set.copyOf(strings(jwt.getClaim(CLUSTERS))), urbanArea);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String value ? List.of(value) : List.of();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    /** A coordinator acts only on the clusters its token names. */
    public boolean coordinates(String clusterId) {
        return has(Role.COORDINATOR) && clusterId != null && clusters.contains(clusterId);
    }

    /** A delegate acts only for the urban area its token names. */
    public boolean speaksFor(String urbanAreaId) {
        return has(Role.DELEGATE) && urbanAreaId != null && urbanAreaId.equals(urbanArea);
    }
}
