package org.giaoban.news.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.platform.demo.ApiClient;
import org.giaoban.platform.demo.ApiClient.Response;
import org.giaoban.platform.demo.Credentials;
import org.giaoban.platform.demo.GatewayCredentials;
import org.giaoban.platform.text.VietnameseText;

/**
 * The editor's part of the demo, through the news API: the draft the system wrote when the 2023 round concluded is
 * submitted and published, and a handful of articles of the same chuyên mục (the seed page's related headlines) are
 * written and published so that the related lists have something to show. Published articles are left as they are,
 * so it can run again. It acts as the editor {@value #EDITOR} (a token from {@link Credentials}). Usage:
 * {@code NewsDemo [gatewayUrl]} (default {@code http://localhost:8080}, where every path is the same as on the news
 * service; the operator that creates the editor's account from {@code GIAOBAN_DEMO_OPERATOR_ID} / {@code _SECRET}, by
 * default the local profile's {@code operator}).
 */
public final class NewsDemo {

    public static final String CONFERENCE_DRAFT = "round-tay-bac-2023";
    /** The client id of the demo's editor: the actor of what it writes. */
    public static final String EDITOR = "news-desk";

    private final ObjectMapper json = new ObjectMapper();
    private final ApiClient news;
    private final PrintStream out;

    public NewsDemo(String baseUrl, Credentials credentials, PrintStream out) {
        this.news = new ApiClient(baseUrl, "demo-news").as(credentials.tokenFor(Credentials.Account.editor(EDITOR)));
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String gatewayUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        try {
            new NewsDemo(gatewayUrl, GatewayCredentials.fromEnvironment(gatewayUrl), System.out).load();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    public void load() throws IOException, InterruptedException {
        JsonNode draft = awaitConferenceDraft();
        String category = draft == null ? null : text(draft, "category");
        if (draft != null) {
            publish(CONFERENCE_DRAFT, text(draft, "title"));
        } else {
            out.println("  the conference report is published already");
        }
        JsonNode articles;
        try (InputStream in = NewsDemo.class.getResourceAsStream("/demo/related-articles.json")) {
            articles = json.readTree(in).path("articles");
        }
        for (JsonNode article : articles) {
            String slug = VietnameseText.slug(article.path("title").asText());
            if (news.send("GET", "/api/news/articles/" + slug, null).status() == 200) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.convertValue(article, Map.class);
            body.put("category", category != null ? category : "Hoạt động cụm");
            Response created = news.send("POST", "/api/news/articles", body).orFail();
            publish(created.json().path("articleId").asText(), article.path("title").asText());
        }
    }

    /** The system writes the draft a moment after the round concluded; null once it is published. */
    private JsonNode awaitConferenceDraft() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Response draft = news.send("GET", "/api/news/drafts/" + CONFERENCE_DRAFT, null);
            if (draft.status() == 200) {
                return draft.json();
            }
            if (news.send("GET", "/api/news/articles/giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023", null).status() == 200) {
                return null;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("No draft of the 2023 conference appeared within a minute: was the round concluded?");
    }

    private void publish(String articleId, String title) throws IOException, InterruptedException {
        Response submitted = news.send("POST", "/api/news/articles/" + articleId + "/submission", null);
        if (submitted.status() >= 300 && !"not-a-draft".equals(submitted.code())) {
            throw new IllegalStateException("Submitting " + title + " was refused: " + submitted.body());
        }
        Response published = news.send("POST", "/api/news/articles/" + articleId + "/publication", null);
        if (published.status() >= 300 && !"already-published".equals(published.code())) {
            throw new IllegalStateException("Publishing " + title + " was refused: " + published.body());
        }
        out.println("  published: " + title);
    }

    /** A field of a draft view, at its top or in its content. */
    private static String text(JsonNode draft, String field) {
        JsonNode value = draft.has(field) ? draft.get(field) : draft.path("content").path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
