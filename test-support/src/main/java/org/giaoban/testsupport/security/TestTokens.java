package org.giaoban.testsupport.security;

import java.util.List;

/** Valid tokens for each role of API.md, signed by the {@link TestIssuer}; the subject names the client. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String operator() {
        return operator("operator");
    }

    public static String operator(String subject) {
        return role(subject, "OPERATOR");
    }

    public static String editor() {
        return role("editor", "EDITOR");
    }

    public static String analyst() {
        return role("analyst", "ANALYST");
    }

    /** A coordinator of {@code clusters}, named {@code coordinator-<first cluster>}. */
    public static String coordinator(String... clusters) {
        return coordinatorNamed("coordinator-" + (clusters.length == 0 ? "none" : clusters[0]), clusters);
    }

    public static String coordinatorNamed(String subject, String... clusters) {
        return TestIssuer.get().sign(TestIssuer.claims(subject, "COORDINATOR").claim("clusters", List.of(clusters)).build());
    }

    /** The delegate of {@code urbanAreaId}, named {@code delegate-<urban area>}. */
    public static String delegate(String urbanAreaId) {
        return TestIssuer.get().sign(TestIssuer.claims("delegate-" + urbanAreaId, "DELEGATE").claim("urban_area", urbanAreaId).build());
    }

    public static String role(String subject, String role) {
        return TestIssuer.get().sign(TestIssuer.claims(subject, role).build());
    }
}
