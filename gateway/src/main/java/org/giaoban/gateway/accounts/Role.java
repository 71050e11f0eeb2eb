package org.giaoban.gateway.accounts;

/** The roles of API.md, put into tokens as the {@code roles} claim. */
public enum Role {
    OPERATOR, COORDINATOR, DELEGATE, EDITOR, ANALYST
}
