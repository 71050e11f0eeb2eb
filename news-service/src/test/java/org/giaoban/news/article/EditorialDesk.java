package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.testsupport.Http;

/** An editor at work over HTTP, as a client of {@code /api/news/articles}: request bodies and the expected answers. */
public final class EditorialDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String BASE = "/api/news/articles";

    private final Http http;

    public EditorialDesk(Http http) {
        this.http = http;
    }

    /** A word no other test uses, e.g. {@code qzkwbt}: the context and its database are shared by all test classes. */
    public static String unique() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    /** An article's content as a request body (a map: change any field before {@link #json}). */
    public static Map<String, Object> content(String title) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("summary", "Thị xã Sa Pa đăng cai hội nghị giao ban; Lai Châu đăng cai năm 2024.");
        content.put("body", "Ngày 24/9/2023, tại thị xã Sa Pa, Cụm các đô thị vùng Tây Bắc tổ chức hội nghị giao ban năm 2023.");
        content.put("category", "Hoạt động các cụm");
        content.put("tags", List.of("Tây Bắc", "thi đua"));
        content.put("clusterIds", List.of("tay-bac"));
        content.put("urbanAreaIds", List.of("sa-pa", "lai-chau"));
        content.put("images", List.of(Map.of("url", "https://giaoban.org/anh/sa-pa-2023.jpg",
                "caption", "Trao cờ đăng cai cho thành phố Lai Châu")));
        return content;
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a draft (201) and answers its id. */
    public String create(Map<String, Object> content) {
        Http.Response created = http.post(BASE, json(content));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("articleId").asText();
    }

    public JsonNode move(String articleId, String move, Object body) {
        Http.Response moved = http.post(BASE + "/" + articleId + "/" + move, body == null ? "" : json(body));
        assertThat(moved.status()).as(move + " " + moved.body()).isEqualTo(200);
        return moved.json();
    }

    public void submit(String articleId) {
        move(articleId, "submission", null);
    }

    public void giveBack(String articleId, String note) {
        move(articleId, "return", note == null ? null : Map.of("note", note));
    }

    public void publish(String articleId) {
        move(articleId, "publication", null);
    }

    public void unpublish(String articleId, String reason) {
        move(articleId, "unpublication", Map.of("reason", reason));
    }

    public void correct(String articleId, Map<String, Object> content, String note) {
        Map<String, Object> correction = new LinkedHashMap<>(content);
        correction.put("note", note);
        move(articleId, "corrections", correction);
    }

    /** Created, submitted and published. */
    public String published(Map<String, Object> content) {
        String articleId = create(content);
        submit(articleId);
        publish(articleId);
        return articleId;
    }
}
