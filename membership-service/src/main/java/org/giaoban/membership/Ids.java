package org.giaoban.membership;

/** Caller-chosen ids are slugs: lower-case ASCII letters, digits and single hyphens, at most 64 characters. */
public final class Ids {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 64;
    public static final String MESSAGE = "must be a slug: lower-case letters, digits and single hyphens (e.g. tay-bac)";

    private Ids() {
    }
}
