package org.giaoban.news.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.giaoban.news.reading.ReadingTestBase;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the pages sent no Content-Security-Policy, Referrer-Policy or Permissions-Policy, and the share button's
 * inline {@code onclick} would have broken a strict policy. Every page kind now carries a policy that forbids inline
 * script (and inline style), and holds none: its style and script are files of the site.
 */
class PageSecurityHeadersTest extends ReadingTestBase {

    /** An event handler attribute in a tag (escaped text such as {@code &lt;img onerror=...&gt;} is not a tag). */
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void everyPageKindForbidsInlineScriptAndHasNone() {
        String u = unique();
        Published article = publish(content("Tin thử chính sách bảo mật " + u, null, "Nội dung.", "Thời sự " + u,
                List.of(), List.of(), List.of(), List.of()));

        for (String path : List.of("/news", "/news?q=" + u, "/news/" + article.slug(), "/news/khong-co-" + u)) {
            Http.Response page = http.get(path);
            String csp = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").contains("style-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.raw().headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(page.raw().headers().firstValue("Permissions-Policy").orElse("")).as(path)
                    .contains("camera=()").contains("geolocation=()");
            assertThat(page.body()).as(path).doesNotContainPattern(INLINE_HANDLER).doesNotContainPattern(INLINE_SCRIPT)
                    .doesNotContain("<style").doesNotContainPattern("<[a-z][^>]*\\sstyle=")
                    .contains("<link rel=\"stylesheet\" href=\"/news/assets/news.css\">")
                    .contains("<script src=\"/news/assets/share.js\" defer></script>");
        }
    }

    @Test
    void theStylesheetAndTheScriptAreServedToAnyone() {
        Http.Response css = http.get("/news/assets/news.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.body()).contains("header.site");

        Http.Response script = http.get("/news/assets/share.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("button.share-copy").contains("navigator.clipboard.writeText");
        assertThat(script.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
