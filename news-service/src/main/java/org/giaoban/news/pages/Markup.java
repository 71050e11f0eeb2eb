package org.giaoban.news.pages;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.giaoban.news.article.RichText;
import org.springframework.web.util.HtmlUtils;

/**
 * HTML built from templates that are constants of this package: {@code {{name}}} placeholders take values, and every
 * value is HTML-escaped ({@code & < > " '}) — so it is safe in text and in double-quoted attributes — unless it is a
 * {@code Markup} built the same way. The one other way in is {@link #richText}, an article's HTML body sanitised here
 * (again: it was sanitised before it was recorded). A title such as {@code <script>alert(1)</script>} shows as text.
 */
final class Markup {

    static final Markup EMPTY = new Markup("");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");

    private final String html;

    private Markup(String html) {
        this.html = html;
    }

    /**
     * Fills a template. {@code namesAndValues} alternates names and values; a value is a {@code Markup} (inserted as
     * is), {@code null} (nothing) or anything else (its text, escaped). Every placeholder must have a value.
     */
    static Markup of(String template, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for {{" + name + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(render(values.get(name))));
        }
        matcher.appendTail(out);
        return new Markup(out.toString());
    }

    /** An HTML body, sanitised ({@link RichText}) whatever it holds, as its top-level blocks in order. */
    static List<Markup> richText(String html) {
        return RichText.blocks(html).stream().map(block -> new Markup(block.html())).toList();
    }

    static Markup join(Collection<Markup> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(part -> out.append(part.html));
        return new Markup(out.toString());
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Markup markup) {
            return markup.html;
        }
        return escape(String.valueOf(value));
    }

    String html() {
        return html;
    }

    @Override
    public String toString() {
        return html;
    }
}
