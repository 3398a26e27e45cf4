package newsroom.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML body into clean text with jsoup: scripts, styles, navigation, headers/footers, forms and asides
 * are dropped; block elements (paragraphs, headings, list items, divs) become paragraphs separated by a blank line;
 * {@code <br>} becomes a line break. Plain text passes through unchanged.
 */
public final class HtmlText {

    /**
     * The start of a known tag: {@code <}, optional spaces, a tag name, a word boundary. Deliberately without the
     * {@code [^>]*>} tail the check once had: on {@code <p <p <p ...} with no {@code >} that tail re-scanned the rest
     * of the text from every {@code <p}, quadratic time (a 400 KB article never finished). Whether a {@code >}
     * follows is answered once, from the position of the last {@code >}, so the check is linear.
     */
    private static final Pattern TAG_START = Pattern.compile(
            "<\\s*(?:!doctype|html|body|p|div|br|span|a|h[1-6]|ul|ol|li|article|section|script|style|nav|em|strong|b|i|table|img|blockquote|figure|header|footer)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "article", "section", "pre", "tr", "figcaption", "dd", "dt", "main", "ul", "ol", "table", "figure");

    private HtmlText() {
    }

    /** true when the text holds a known opening tag closed by a {@code >} somewhere after its name; linear time. */
    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        int lastClose = text.lastIndexOf('>');
        if (lastClose < 0) {
            return false;
        }
        // matches do not overlap, so the first one ends before any later one: it decides
        Matcher tag = TAG_START.matcher(text).region(0, lastClose).useTransparentBounds(true);
        return tag.find();
    }

    /** The text of {@code body}, converted from HTML if it looks like HTML. */
    public static String toPlainText(String body) {
        return looksLikeHtml(body) ? fromHtml(body) : body;
    }

    public static String fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, button").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element el) {
                    if (el.normalName().equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(el.normalName())) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    out.append("\n\n");
                }
            }
        }, doc.body());
        return tidy(out.toString());
    }

    /** Collapses spaces inside lines and keeps at most one blank line between paragraphs. */
    static String tidy(String text) {
        String spaced = text.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ");
        String lines = spaced.replaceAll(" *\n *", "\n");
        return lines.replaceAll("\n{3,}", "\n\n").strip();
    }
}
