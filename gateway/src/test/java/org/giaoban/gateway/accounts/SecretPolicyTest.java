package org.giaoban.gateway.accounts;

import org.giaoban.gateway.web.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SecretPolicyTest {

    private final SecretPolicy elsewhere = new SecretPolicy(false);
    private final SecretPolicy local = new SecretPolicy(true);

    @ParameterizedTest
    @CsvSource({
            "aaaaaaaaaaaa, weak-secret",
            "abababababab, weak-secret",
            "abcabcabcabc, weak-secret",
            "passwordpassword, weak-secret",
            "abcdefghijklm, weak-secret",
            "123456789012, weak-secret",
            "zyxwvutsrqpo, weak-secret",
            "qwertyuiopas, weak-secret",
            "password1234, weak-secret",
            "Password123!, weak-secret",
            "Welcome2024!, weak-secret",
            "12345giaoban, weak-secret",
            "sa-pa-delegate, weak-secret",
            "SA-PA-DELEGATE1, weak-secret",
            "short, secret-too-short",
            "elevenchars, secret-too-short"})
    void trivialSecretsAreRefusedWithAStableCode(String secret, String code) {
        Problem refused = catchThrowableOfType(Problem.class, () -> elsewhere.check("sa-pa-delegate", secret));
        assertThat(refused).as(secret).isNotNull();
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.field()).isEqualTo("secret");
        assertThat(refused.getMessage()).doesNotContain(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coordinator-secret-1", "a-long-secret-2", "Giao ban Tây Bắc 2023", "bench-secret-0123456789",
            "sa-pa-delegate-2023-xyz", "kP9-vQ2_mZ7wL4"})
    void ordinarySecretsPass(String secret) {
        assertThatCode(() -> elsewhere.check("sa-pa-delegate", secret)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator-dev-secret", "editor-dev-secret", "analyst-dev-secret", "coordinator-dev-secret",
            "delegate-dev-secret"})
    void theDocumentedDemoSecretsPassInTheLocalProfileOnly(String secret) {
        assertThatCode(() -> local.check("someone", secret)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(Problem.class, () -> elsewhere.check("someone", secret)).code()).isEqualTo("weak-secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {73, 100, 200})
    void aSecretLongerThanBcryptReadsIsRefused(int length) {
        assertThat(catchThrowableOfType(Problem.class, () -> elsewhere.check("x", "kP9-vQ2_mZ7wL4".repeat(20).substring(0, length))).code())
                .isEqualTo("secret-too-long");
        // 25 Vietnamese letters are 75 bytes in UTF-8.
        assertThat(catchThrowableOfType(Problem.class, () -> elsewhere.check("x", "ộ".repeat(25))).code()).isEqualTo("secret-too-long");
    }
}
