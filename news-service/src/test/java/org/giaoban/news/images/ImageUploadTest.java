package org.giaoban.news.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.news.images.Pictures.getBytes;
import static org.giaoban.news.images.Pictures.picture;
import static org.giaoban.news.images.Pictures.upload;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An editor uploads pictures (JPEG, PNG, WebP, told by their first bytes) that anyone then reads at
 * {@code /news/images/{id}}, cached for good and revalidated by their SHA-256; what is too large, no picture, another
 * kind of picture or not what its part declares is refused with a problem and nothing is stored.
 */
class ImageUploadTest extends NewsServiceTestBase {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    @Test
    void aJpegIsStoredAndServedAsUploadedWithCachingHeaders() throws Exception {
        byte[] jpeg = picture("jpg", 64, 48);

        Http.Response uploaded = upload(editor, jpeg, "image/jpeg", "Quang cảnh hội nghị giao ban tại Sa Pa");

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String imageId = uploaded.json().path("imageId").asText();
        String url = "/news/images/" + imageId;
        assertThat(uploaded.json().path("url").asText()).isEqualTo(url);
        assertThat(uploaded.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(url));
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(uploaded.json().path("size").asInt()).isEqualTo(jpeg.length);
        assertThat(uploaded.json().path("width").asInt()).isEqualTo(64);
        assertThat(uploaded.json().path("height").asInt()).isEqualTo(48);
        assertThat(uploaded.json().path("caption").asText()).isEqualTo("Quang cảnh hội nghị giao ban tại Sa Pa");
        assertThat(jdbc.sql("SELECT uploaded_by FROM news_image WHERE image_id = ?::uuid").param(imageId)
                .query(String.class).single()).isEqualTo("editor");

        HttpResponse<byte[]> served = getBytes(http, url, null); // anyone, without a token
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(served.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'"));

        HttpResponse<byte[]> revalidated = getBytes(http, url, "\"" + sha256 + "\"");
        HttpResponse<byte[]> otherTag = getBytes(http, url, "\"" + "0".repeat(64) + "\"");

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(jpeg);
    }

    @Test
    void aPngIsStoredWithItsSizeAndAnArticleShowsIt() {
        byte[] png = picture("png", 30, 20);

        Http.Response uploaded = upload(editor, png, "image/png", null);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(uploaded.json().path("width").asInt()).isEqualTo(30);
        assertThat(uploaded.json().path("height").asInt()).isEqualTo(20);
        assertThat(uploaded.json().path("caption").isNull()).isTrue();
        String url = uploaded.json().path("url").asText();
        assertThat(getBytes(http, url, null).body()).isEqualTo(png);

        Map<String, Object> content = EditorialDesk.content("Ảnh tải lên trong bài " + EditorialDesk.unique());
        content.put("images", List.of(Map.of("url", url, "caption", "Ảnh do ban biên tập tải lên")));
        String articleId = new EditorialDesk(editor).published(content);
        awaitProjectionsCaughtUp();
        String slug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();

        assertThat(http.get("/news/" + slug).body()).contains("<img src=\"" + url + "\" alt=\"Ảnh do ban biên tập tải lên\"");
    }

    @Test
    void aPictureLargerThanTheLimitIsRefusedAndNothingIsStored() {
        byte[] big = Arrays.copyOf(picture("png", 8, 8), (int) MAX_BYTES + 1);
        long before = images();

        Http.Response refused = upload(editor, big, "image/png", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("image-too-large");
        assertThat(images()).isEqualTo(before);
    }

    @Test
    void otherKindsOfPicturesAndFilesThatLieAreRefusedAndNothingIsStored() {
        long before = images();
        byte[] png = picture("png", 10, 10);
        byte[] jpegHeaderThenJunk = Arrays.copyOf(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 600);
        Arrays.fill(jpegHeaderThenJunk, 4, 600, (byte) 0x41);

        Http.Response gif = upload(editor, picture("gif", 10, 10), "image/gif", null);
        Http.Response gifSaidJpeg = upload(editor, picture("gif", 10, 10), "image/jpeg", null);
        Http.Response pngSaidJpeg = upload(editor, png, "image/jpeg", null);
        Http.Response pngUndeclared = upload(editor, png, null, null);
        Http.Response scriptSaidPng = upload(editor, "<html><script>alert(1)</script></html>".getBytes(), "image/png", null);
        Http.Response svg = upload(editor, "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(), "image/svg+xml", null);
        Http.Response broken = upload(editor, jpegHeaderThenJunk, "image/jpeg", null);
        Http.Response empty = upload(editor, new byte[0], "image/jpeg", null);

        assertRefused(gif, 415, "unsupported-image-type");
        assertRefused(gifSaidJpeg, 415, "unsupported-image-type");
        assertRefused(pngSaidJpeg, 415, "unsupported-image-type");
        assertRefused(pngUndeclared, 415, "unsupported-image-type");
        assertRefused(scriptSaidPng, 400, "not-an-image");
        assertRefused(svg, 415, "unsupported-image-type");
        assertRefused(broken, 400, "not-an-image");
        assertRefused(empty, 400, "not-an-image");
        assertThat(images()).isEqualTo(before);
    }

    @Test
    void onlyAnEditorUploadsAndAnUnknownPictureIsAProblem() {
        long before = images();
        byte[] jpeg = picture("jpg", 8, 8);

        assertRefused(upload(http, jpeg, "image/jpeg", null), 401, "unauthenticated");
        assertRefused(upload(http.as(TestTokens.analyst()), jpeg, "image/jpeg", null), 403, "forbidden");
        assertThat(images()).isEqualTo(before);

        Http.Response unknown = http.get("/news/images/00000000-0000-4000-8000-000000000000");
        Http.Response notAnId = http.get("/news/images/khong-phai-ma-anh");
        assertRefused(unknown, 404, "unknown-image");
        assertRefused(notAnId, 404, "unknown-image");
    }

    private static void assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private long images() {
        return jdbc.sql("SELECT count(*) FROM news_image").query(Long.class).single();
    }
}
