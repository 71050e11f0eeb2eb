package org.giaoban.gateway;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One API page at the gateway over the three services' documents (fetched through their routes) and its own. */
class ApiDocsTest extends EdgeTestBase {

    @Test
    void thePageListsTheThreeServicesAndTheGateway() {
        Http.Response config = http.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode url : config.json().path("urls")) {
            urls.add(url.path("url").asText());
            names.add(url.path("name").asText());
        }
        assertThat(urls).containsExactlyInAnyOrder("/api/membership/v3/api-docs", "/api/competition/v3/api-docs",
                "/api/news/v3/api-docs", "/v3/api-docs");
        assertThat(names).contains("membership", "competition", "news", "gateway");

        Http.Response page = http.get("/swagger-ui.html");
        assertThat(page.status()).isEqualTo(302);
        String location = page.raw().headers().firstValue("Location").orElseThrow();
        Http.Response index = http.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
    }

    @Test
    void theServicesDocumentsAreFetchedThroughTheRoutesWithoutAToken() {
        assertThat(http.get("/api/membership/v3/api-docs").body()).isEqualTo("{\"instance\":\"membership\"}");
        assertThat(http.get("/api/competition/v3/api-docs").body()).isEqualTo("{\"instance\":\"competition\"}");
        assertThat(http.get("/api/news/v3/api-docs").body()).isEqualTo("{\"instance\":\"news\"}");
        assertThat(relayed()).extracting(StubService.Received::pathAndQuery).containsExactlyInAnyOrder(
                "/api/membership/v3/api-docs", "/api/competition/v3/api-docs", "/api/news/v3/api-docs");
    }

    @Test
    void theGatewaysOwnDocumentDescribesItsApiOnly() {
        Http.Response doc = http.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        doc.json().path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/accounts", "/api/accounts/{clientId}", "/api/keys/rotation", "/api/users",
                        "/api/users/{username}", "/api/users/{username}/disable", "/api/users/{username}/password")
                .allMatch(path -> path.startsWith("/api/accounts/") || path.equals("/api/accounts") || path.startsWith("/api/keys/")
                        || path.startsWith("/api/users/") || path.equals("/api/users"));
    }
}
