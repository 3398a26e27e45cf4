package newsroom.search.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Highlight fragments (HTML-escaped text with {@code <mark>} tags, as Elasticsearch's html encoder writes them) and
 * plain text, both ways.
 */
final class HighlightText {

    private HighlightText() {
    }

    /**
     * @param plain the fragment's text without tags or escapes
     * @param marks each mark's [start, end) in {@code plain}
     */
    record Parsed(String plain, List<int[]> marks) {
    }

    static String toPlainText(String fragment) {
        return parse(fragment).plain();
    }

    static Parsed parse(String fragment) {
        StringBuilder plain = new StringBuilder(fragment.length());
        List<int[]> marks = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < fragment.length();) {
            if (fragment.startsWith(ArticleSearch.MARK_OPEN, i)) {
                open = plain.length();
                i += ArticleSearch.MARK_OPEN.length();
            } else if (fragment.startsWith(ArticleSearch.MARK_CLOSE, i)) {
                if (open >= 0) {
                    marks.add(new int[] {open, plain.length()});
                    open = -1;
                }
                i += ArticleSearch.MARK_CLOSE.length();
            } else if (fragment.charAt(i) == '&') {
                int end = fragment.indexOf(';', i);
                char c = end < 0 ? 0 : unescape(fragment.substring(i, end + 1));
                if (c == 0) {
                    plain.append('&');
                    i++;
                } else {
                    plain.append(c);
                    i = end + 1;
                }
            } else {
                plain.append(fragment.charAt(i++));
            }
        }
        return new Parsed(plain.toString(), marks);
    }

    /** The entities Elasticsearch's html encoder writes (Lucene's SimpleHTMLEncoder); 0 for any other. */
    private static char unescape(String entity) {
        return switch (entity) {
            case "&quot;" -> '"';
            case "&amp;" -> '&';
            case "&lt;" -> '<';
            case "&gt;" -> '>';
            case "&#x27;", "&#39;" -> '\'';
            case "&#x2F;" -> '/';
            default -> 0;
        };
    }

    /** {@code text[from, to)} escaped as Elasticsearch's html encoder escapes it. */
    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
    }
}
