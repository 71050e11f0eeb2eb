package org.giaoban.testsupport.security;

/**
 * The callers of a role-matrix test (the gateway issue's acceptance 1): no token, each role, and the two that hold the
 * right role for the wrong scope. {@link #token(String, String)} gives each one's token for the cluster and urban area
 * a route acts on; the "other" callers get a different cluster or urban area.
 */
public enum Caller {
    NO_TOKEN, OPERATOR, COORDINATOR, OTHER_COORDINATOR, DELEGATE, OTHER_DELEGATE, EDITOR, ANALYST;

    /** @return the bearer token, or null for {@link #NO_TOKEN} */
    public String token(String clusterId, String urbanAreaId) {
        return switch (this) {
            case NO_TOKEN -> null;
            case OPERATOR -> TestTokens.operator();
            case COORDINATOR -> TestTokens.coordinator(clusterId);
            case OTHER_COORDINATOR -> TestTokens.coordinatorNamed("coordinator-elsewhere", "another-cluster");
            case DELEGATE -> TestTokens.delegate(urbanAreaId);
            case OTHER_DELEGATE -> TestTokens.delegate("another-urban-area");
            case EDITOR -> TestTokens.editor();
            case ANALYST -> TestTokens.analyst();
        };
    }
}
