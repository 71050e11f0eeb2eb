package org.giaoban.news.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.giaoban.news.reading.ImageView;
import org.junit.jupiter.api.Test;

/** The page templating: values escaped, markup nested as is, paragraphs and pictures laid out. */
class MarkupTest {

    @Test
    void escapesEveryValueAndNestsMarkup() {
        Markup inner = Markup.of("<em>{{x}}</em>", "x", "<script>alert(1)</script>");

        Markup page = Markup.of("<p title=\"{{t}}\">{{inner}}{{none}}</p>", "t", "\"Hoà\" & 'Bình'", "inner", inner, "none", null);

        assertThat(page.html()).isEqualTo("<p title=\"&quot;Hoà&quot; &amp; &#39;Bình&#39;\"><em>&lt;script&gt;alert(1)&lt;/script&gt;</em></p>");
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> Markup.of("<p>{{x}}</p>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsTheBodyIntoParagraphsWithThePicturesAmongThem() {
        String body = "Đoạn một.\n\nĐoạn hai.\nĐoạn ba.\r\n\r\nĐoạn bốn.";
        List<ImageView> images = List.of(new ImageView("https://example.org/1.jpg", "Quang cảnh hội nghị."),
                new ImageView("https://example.org/2.jpg", null), new ImageView("javascript:alert(1)", "x"));

        String html = NewsPages.content(body, images).html();

        assertThat(html).isEqualTo("<p>Đoạn một.</p>"
                + "<figure><img src=\"https://example.org/1.jpg\" alt=\"Quang cảnh hội nghị.\" loading=\"lazy\"><figcaption>Quang cảnh hội nghị.</figcaption></figure>"
                + "<p>Đoạn hai.</p><p>Đoạn ba.</p>"
                + "<figure><img src=\"https://example.org/2.jpg\" alt=\"\" loading=\"lazy\"></figure>"
                + "<p>Đoạn bốn.</p>");
    }

    @Test
    void aOneParagraphBodyHasItsPicturesAfterIt() {
        String html = NewsPages.content("Một đoạn.", List.of(new ImageView("/a.jpg", "A"), new ImageView("/b.jpg", "B"))).html();

        assertThat(html).startsWith("<p>Một đoạn.</p><figure>").contains("<figcaption>A</figcaption>").endsWith("<figcaption>B</figcaption></figure>");
    }
}
