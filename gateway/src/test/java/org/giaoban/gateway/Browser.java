package org.giaoban.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.giaoban.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the sign-in needs one: cookies kept, redirects not followed (each step is looked at), forms
 * posted with the CSRF token the page holds. And the console's side of the authorization code flow with PKCE: the
 * authorization request, the code from the redirect, the token requests with the console's secret.
 */
final class Browser {

    static final String CONSOLE_SECRET = "console-dev-secret-4Tq9";
    static final String REDIRECT_URI = "http://localhost:8080/console/login/oauth2/code/giaoban";
    static final String LOGOUT_REDIRECT_URI = "http://localhost:8080/console/";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final Http http;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(int port) {
        this.port = port;
        this.http = new Http(port);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CookieManager cookies() {
        return cookies;
    }

    Http.Response get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET());
    }

    Http.Response postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** GET /login, then posts the form with its CSRF token. Answers the answer to the post. */
    Http.Response signIn(String username, String password) {
        Http.Response page = get("/login");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf(page.body()));
        return postForm("/login", form);
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form: " + html).isTrue();
        return matcher.group(1);
    }

    static String location(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        return response.raw().headers().firstValue("Location").orElseThrow();
    }

    /** The console's authorization request, with PKCE (S256) unless {@code challenge} is null. */
    record Authorization(String verifier, String state, String nonce) {

        static Authorization fresh() {
            return new Authorization(random(48), random(12), random(12));
        }

        String challenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        String path(boolean withChallenge) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", "console");
            query.put("scope", "openid profile");
            query.put("redirect_uri", REDIRECT_URI);
            query.put("state", state);
            query.put("nonce", nonce);
            if (withChallenge) {
                query.put("code_challenge", challenge());
                query.put("code_challenge_method", "S256");
            }
            return "/oauth2/authorize?" + form(query);
        }
    }

    /** Authorizes as the signed-in person (signing in first when sent to the sign-in page): the code. */
    String code(Authorization authorization, String username, String password) {
        Http.Response answer = get(authorization.path(true));
        String location = location(answer);
        if (location.endsWith("/login")) {
            String back = location(signIn(username, password));
            assertThat(back).as("back to the authorization request").contains("/oauth2/authorize?");
            location = location(get(back));
        }
        assertThat(location).startsWith(REDIRECT_URI + "?");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("state", authorization.state());
        return query.get("code");
    }

    Http.Response exchange(String code, String verifier) {
        return tokenRequest("grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT_URI)
                + (verifier == null ? "" : "&code_verifier=" + encode(verifier)));
    }

    Http.Response refresh(String refreshToken) {
        return tokenRequest("grant_type=refresh_token&refresh_token=" + encode(refreshToken));
    }

    private Http.Response tokenRequest(String body) {
        String basic = Base64.getEncoder().encodeToString(("console:" + CONSOLE_SECRET).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return query == null ? Map.of() : Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "",
                        (a, b) -> a, LinkedHashMap::new));
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }

    private Http.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
