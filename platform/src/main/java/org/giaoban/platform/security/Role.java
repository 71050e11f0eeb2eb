package org.giaoban.platform.security;

/** The roles of API.md "Tokens and roles", as they appear in a token's {@code roles} claim. */
public enum Role {
    OPERATOR, COORDINATOR, DELEGATE, EDITOR, ANALYST;

    /** The Spring Security authority a token with this role gets. */
    public String authority() {
        return "ROLE_" + name();
    }
}
