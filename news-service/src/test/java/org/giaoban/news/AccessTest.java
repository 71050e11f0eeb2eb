package org.giaoban.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.news.article.EditorialDesk.content;
import static org.giaoban.news.article.EditorialDesk.json;
import static org.giaoban.news.article.EditorialDesk.unique;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.giaoban.news.article.EditorialDesk;
import org.giaoban.news.images.Pictures;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md's "who" for news, route by route and caller by caller: published news, the feed and the pages are open to
 * anyone (with a valid token or none); every write of an article and the drafts are for editors only, 401 without a
 * token and 403 with any other role, whatever its scope; uploading a picture too, which anyone then reads. Each route is called on an article in the state where it
 * succeeds, so that an allowed caller gets its 2xx; a refused call stores nothing.
 */
class AccessTest extends NewsServiceTestBase {

    /** The cluster and urban area the articles are about: the scoped callers' own, or (OTHER_...) not. */
    private static final String CLUSTER = "tay-bac";
    private static final String URBAN_AREA = "sa-pa";

    /** Who gets what: one row per route, one column per caller. */
    private static final String MATRIX = """
            route           | NO_TOKEN | OPERATOR | COORDINATOR | OTHER_COORDINATOR | DELEGATE | OTHER_DELEGATE | EDITOR | ANALYST
            LIST            |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            ARTICLE         |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            FEED            |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            LIST_PAGE       |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            ARTICLE_PAGE    |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            CREATE          |   401    |   403    |     403     |        403        |   403    |      403       |  201   |   403
            EDIT            |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            SUBMISSION      |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            RETURN          |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            PUBLICATION     |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            UNPUBLICATION   |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            CORRECTION      |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            DRAFTS          |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            DRAFT           |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            PROJECTIONS     |   401    |   200    |     403     |        403        |   403    |      403       |  403   |   403
            PREVIEW         |   401    |   403    |     403     |        403        |   403    |      403       |  200   |   403
            IMAGE_UPLOAD    |   401    |   403    |     403     |        403        |   403    |      403       |  201   |   403
            IMAGE           |   200    |   200    |     200     |        200        |   200    |      200       |  200   |   200
            """;

    /** The article a route acts on, in the state where the route succeeds. */
    private enum State { NONE, DRAFT, IN_REVIEW, PUBLISHED }

    /** An article as the routes name it. */
    private record Article(String id, String slug) {
    }

    private enum Route {
        LIST("GET", "/api/news/articles?size=5", State.NONE, null),
        ARTICLE("GET", "/api/news/articles/{slug}", State.PUBLISHED, null),
        FEED("GET", "/api/news/feed.atom", State.NONE, null),
        LIST_PAGE("GET", "/news", State.NONE, null),
        ARTICLE_PAGE("GET", "/news/{slug}", State.PUBLISHED, null),
        CREATE("POST", "/api/news/articles", State.NONE, title -> json(content(title))),
        EDIT("PUT", "/api/news/articles/{id}", State.DRAFT, title -> json(content(title + " (sửa)"))),
        SUBMISSION("POST", "/api/news/articles/{id}/submission", State.DRAFT, title -> ""),
        RETURN("POST", "/api/news/articles/{id}/return", State.IN_REVIEW, title -> json(Map.of("note", "Bổ sung ảnh."))),
        PUBLICATION("POST", "/api/news/articles/{id}/publication", State.IN_REVIEW, title -> ""),
        UNPUBLICATION("POST", "/api/news/articles/{id}/unpublication", State.PUBLISHED, title -> json(Map.of("reason", "Chờ xác nhận."))),
        CORRECTION("POST", "/api/news/articles/{id}/corrections", State.PUBLISHED, title -> {
            Map<String, Object> correction = new LinkedHashMap<>(content(title + " (đính chính)"));
            correction.put("note", "Sửa tiêu đề.");
            return json(correction);
        }),
        DRAFTS("GET", "/api/news/drafts", State.NONE, null),
        DRAFT("GET", "/api/news/drafts/{id}", State.DRAFT, null),
        PROJECTIONS("GET", "/api/news/admin/projections", State.NONE, null),
        PREVIEW("GET", "/api/news/drafts/{id}/preview", State.DRAFT, null),
        IMAGE_UPLOAD("UPLOAD", "/api/news/images", State.NONE, null),
        IMAGE("GET", "{image}", State.NONE, null);

        final String method;
        final String path;
        final State state;
        final Function<String, String> body;

        Route(String method, String path, State state, Function<String, String> body) {
            this.method = method;
            this.path = path;
            this.state = state;
            this.body = body;
        }

        String path(Article article) {
            return article == null ? path : path.replace("{id}", article.id()).replace("{slug}", article.slug());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> matrix() {
        List<String> lines = MATRIX.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<Caller> callers = Arrays.stream(lines.get(0).split("\\|")).skip(1).map(String::strip).map(Caller::valueOf).toList();
        assertThat(callers).as("every caller has a column").containsExactlyInAnyOrder(Caller.values());
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|");
            Route route = Route.valueOf(cells[0].strip());
            for (int i = 0; i < callers.size(); i++) {
                cases.add(Arguments.of(route, callers.get(i), Integer.parseInt(cells[i + 1].strip())));
            }
        }
        return cases.stream();
    }

    @Test
    void theMatrixNamesEveryRoute() {
        assertThat(matrix().map(arguments -> (Route) arguments.get()[0]).distinct()).containsExactlyInAnyOrder(Route.values());
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void eachCallerGetsWhatApiMdSays(Route route, Caller caller, int expected) {
        Article article = articleIn(route.state);
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        Http.Response response = call(route, article, http.as(caller.token(CLUSTER, URBAN_AREA)));

        assertThat(response.status()).as(route + " as " + caller + ": " + response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo(expected == 401 ? "unauthenticated" : "forbidden");
            if (expected == 401) {
                assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            }
            assertThat(storedEvents()).as("a refused call stores nothing").isEqualTo(before);
        }
    }

    private Http.Response call(Route route, Article article, Http as) {
        String path = route == Route.IMAGE ? Pictures.uploadedJpeg(editor, null) : route.path(article);
        return switch (route.method) {
            case "UPLOAD" -> Pictures.upload(as, Pictures.picture("jpg", 16, 16), "image/jpeg", "Ảnh phân quyền");
            case "GET" -> as.get(path);
            case "POST" -> as.post(path, route.body.apply("Phân quyền tin tức " + unique()));
            case "PUT" -> as.put(path, route.body.apply("Phân quyền tin tức " + unique()));
            default -> throw new IllegalArgumentException(route.method);
        };
    }

    /** A fresh article of the editor's in {@code state} (none for {@link State#NONE}). */
    private Article articleIn(State state) {
        if (state == State.NONE) {
            return null;
        }
        EditorialDesk desk = new EditorialDesk(editor);
        String articleId = desk.create(content("Bài kiểm tra phân quyền " + unique()));
        if (state != State.DRAFT) {
            desk.submit(articleId);
        }
        if (state == State.PUBLISHED) {
            desk.publish(articleId);
        }
        String slug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();
        return new Article(articleId, slug);
    }
}
