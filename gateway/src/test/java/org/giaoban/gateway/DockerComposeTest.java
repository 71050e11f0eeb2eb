package org.giaoban.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (at the repository root) holds no secret: every password, secret or key is a {@code ${VAR:?...}}
 * reference that compose fills from the {@code .env} the user makes (and refuses to start without); nothing runs in the
 * local profile. {@code .env.example} shows which variables, with no value; git and the image build ignore {@code .env}.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    /** Names that carry secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY).*");
    /** A required variable: no default value to fall back on. */
    private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*}");

    @Test
    void everySecretIsAReferenceToTheEnvironmentAndNoneIsWrittenDown() throws IOException {
        Object compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        List<String> secrets = new ArrayList<>();
        visit(compose, "", (path, name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                secrets.add(path);
                assertThat(value).as(path).matches(REQUIRED_REFERENCE);
            }
        });
        assertThat(secrets).as("the secrets compose needs").anyMatch(path -> path.endsWith("POSTGRES_PASSWORD"))
                .anyMatch(path -> path.endsWith("GIAOBAN_DB_PASSWORD"))
                .anyMatch(path -> path.endsWith("GIAOBAN_BOOTSTRAP_OPERATOR_SECRET"));
    }

    @Test
    void nothingRunsInTheLocalProfile() throws IOException {
        Object compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        visit(compose, "", (path, name, value) -> {
            if (name.equals("SPRING_PROFILES_ACTIVE") || name.equals("spring.profiles.active")) {
                assertThat(value.toLowerCase(Locale.ROOT)).as(path).doesNotContain("local");
            }
        });
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContainIgnoringCase("-dev-secret");
    }

    @Test
    void theExampleNamesTheVariablesWithoutValuesAndTheRealFileStaysOut() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(".env.example"));
        List<String> names = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    assertThat(line).as("no value in the example").matches("[A-Z][A-Z0-9_]*=");
                    return line.substring(0, line.indexOf('='));
                }).toList();
        assertThat(names).contains("GIAOBAN_DB_PASSWORD", "GIAOBAN_BOOTSTRAP_OPERATOR_ID", "GIAOBAN_BOOTSTRAP_OPERATOR_SECRET");
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        names.forEach(name -> assertThat(compose).contains("${" + name + ":?"));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".env");
    }

    private interface Visitor {
        void scalar(String path, String name, String value);
    }

    /** Every scalar under a mapping key, and every {@code NAME=value} item of a list (compose's other environment form). */
    private static void visit(Object node, String path, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    visit(value, path + "/" + name, visitor);
                } else if (value != null) {
                    visitor.scalar(path + "/" + name, name, String.valueOf(value));
                }
            });
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String text && text.contains("=")) {
                    String name = text.substring(0, text.indexOf('='));
                    visitor.scalar(path + "/" + name, name, text.substring(text.indexOf('=') + 1));
                } else {
                    visit(item, path, visitor);
                }
            }
        }
    }
}
