package org.giaoban.news.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * The HTML an article body may hold, and nothing else: paragraphs, headings ({@code h2}, {@code h3}), bold, italics,
 * underline, links, lists, quotes and line breaks. Links go to {@code http}, {@code https} or {@code mailto}
 * addresses or to paths of this site, and get {@code rel="noopener noreferrer"}. Everything else — scripts, styles,
 * event-handler and style attributes, images (pictures are the article's images), frames, forms — is removed, its
 * text kept where it is text. Sanitised with the OWASP Java HTML Sanitizer.
 *
 * <p>The result is a sequence of top-level blocks ({@code p}, {@code h2}, {@code h3}, {@code ul}, {@code ol},
 * {@code blockquote}): text or inline elements outside any block become a paragraph of their own, and blocks without
 * text are dropped, so that "after the 2nd paragraph" means one place. Sanitising again gives the same HTML.
 */
public final class RichText {

    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "ul", "ol", "blockquote");
    private static final Set<String> VOID = Set.of("br");
    private static final String REL = "noopener noreferrer";
    /** A path of this site: one slash, not two (//host is another site), nor a backslash browsers read as one. */
    private static final Pattern SITE_PATH = Pattern.compile("^/(?![/\\\\])\\S*$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "strong", "b", "em", "i", "u", "a", "ul", "ol", "li", "blockquote", "br")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(RichText::acceptableHref).onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private RichText() {
    }

    /** One top-level block: its sanitised HTML, and its text (tags stripped, entities decoded, spacing as written). */
    public record Block(String html, String text) {
    }

    /** The sanitised HTML of a body. */
    public static String sanitise(String html) {
        StringBuilder out = new StringBuilder();
        blocks(html).forEach(block -> out.append(block.html()));
        return out.toString();
    }

    /** The sanitised body as its top-level blocks, in order. */
    public static List<Block> blocks(String html) {
        Blocks blocks = new Blocks();
        HtmlSanitizer.sanitize(html == null ? "" : html, POLICY.apply(blocks));
        return blocks.result;
    }

    /** The text of an HTML body, for search and summaries: one line per block, tags stripped, entities decoded. */
    public static String text(String html) {
        return String.join("\n\n", blocks(html).stream().map(Block::text).toList());
    }

    static boolean acceptableHref(String href) {
        String value = href.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || SITE_PATH.matcher(value).matches();
    }

    /** Splits the sanitiser's events into top-level blocks, each rendered on its own. */
    private static final class Blocks implements HtmlStreamEventReceiver {

        private final List<Block> result = new ArrayList<>();
        private StringBuilder html;
        private StringBuilder text;
        private HtmlStreamRenderer renderer;
        /** The block was opened here, around inline content found outside any block. */
        private boolean implicit;
        private int depth;

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
            finish();
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            if (depth == 0) {
                if (BLOCKS.contains(name)) {
                    finish();
                    start(false);
                } else if (renderer == null) {
                    start(true);
                }
            }
            renderer.openTag(name, "a".equals(name) ? withRel(attributes) : attributes);
            if (VOID.contains(name)) {
                text.append('\n');
            } else {
                depth++;
            }
        }

        @Override
        public void closeTag(String name) {
            if (VOID.contains(name) || renderer == null) {
                return;
            }
            renderer.closeTag(name);
            depth--;
            if ("li".equals(name) || "p".equals(name) || name.startsWith("h")) {
                text.append('\n');
            }
            if (depth == 0 && !implicit) {
                finish();
            }
        }

        @Override
        public void text(String chars) {
            if (renderer == null) {
                if (chars.isBlank()) {
                    return; // spacing between blocks
                }
                start(true);
            }
            renderer.text(chars);
            text.append(chars);
        }

        /**
         * The link's {@code rel} always written alike: the sanitiser adds the required values in the order of a
         * {@code Set.of}, which changes from one JVM to the next, and the same body must sanitise to the same HTML.
         */
        private static List<String> withRel(List<String> attributes) {
            List<String> result = new ArrayList<>(attributes);
            for (int i = 0; i + 1 < result.size(); i += 2) {
                if ("rel".equals(result.get(i))) {
                    result.set(i + 1, REL);
                }
            }
            return result;
        }

        private void start(boolean inline) {
            html = new StringBuilder();
            text = new StringBuilder();
            renderer = HtmlStreamRenderer.create(html, Handler.DO_NOTHING);
            renderer.openDocument();
            implicit = inline;
            if (inline) {
                renderer.openTag("p", List.of());
            }
        }

        private void finish() {
            if (renderer == null) {
                return;
            }
            if (implicit) {
                renderer.closeTag("p");
            }
            renderer.closeDocument();
            String plain = text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n+ ?", "\n").strip();
            if (!plain.isEmpty()) {
                result.add(new Block(html.toString(), plain));
            }
            renderer = null;
            implicit = false;
            depth = 0;
        }
    }
}
