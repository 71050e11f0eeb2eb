package org.giaoban.platform.security;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Authorization decisions over the {@link Caller}, for {@link AccessRules}: by role, or by scope and path variables. */
public final class Access {

    private Access() {
    }

    /** Granted to a caller with a valid token that satisfies {@code rule}. */
    public static AuthorizationManager<RequestAuthorizationContext> caller(Predicate<Caller> rule) {
        return caller((caller, variables) -> rule.test(caller));
    }

    /**
     * Granted to a caller with a valid token that satisfies {@code rule} given the matched pattern's path variables,
     * e.g. {@code "/rounds/{roundId}/scores"} gives {@code roundId}.
     */
    public static AuthorizationManager<RequestAuthorizationContext> caller(BiPredicate<Caller, Map<String, String>> rule) {
        return (authentication, context) -> new AuthorizationDecision(Caller.from(authentication.get())
                .map(caller -> rule.test(caller, context.getVariables()))
                .orElse(false));
    }

    /** Granted to a caller holding any of {@code roles}. */
    public static AuthorizationManager<RequestAuthorizationContext> anyOf(Role... roles) {
        return caller(caller -> caller.hasAny(roles));
    }
}
