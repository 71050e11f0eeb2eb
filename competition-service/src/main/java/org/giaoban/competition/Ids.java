package org.giaoban.competition;

/** Ids are slugs: lower-case ASCII letters, digits and single hyphens, at most 64 characters. */
public final class Ids {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 64;
    public static final String MESSAGE = "must be a slug: lower-case letters, digits and single hyphens (e.g. tay-bac-2023)";

    private Ids() {
    }

    /** A round's id: {@code {clusterId}-{year}}, e.g. {@code tay-bac-2023}. */
    public static String roundId(String clusterId, int year) {
        return clusterId + "-" + year;
    }

    /**
     * The cluster a round belongs to, read from its id: everything before the last {@code -<year>} ({@code tay-bac-2023}
     * → {@code tay-bac}). Null when the id is not a round id (no cluster, or no four-digit year at the end), so that a
     * scope check on it grants nothing.
     */
    public static String clusterOf(String roundId) {
        if (roundId == null) {
            return null;
        }
        int dash = roundId.lastIndexOf('-');
        if (dash <= 0 || !roundId.substring(dash + 1).matches("[0-9]{4}")) {
            return null;
        }
        return roundId.substring(0, dash);
    }
}
