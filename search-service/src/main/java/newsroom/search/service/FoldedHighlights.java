package newsroom.search.service;

import java.util.ArrayList;
import java.util.List;

import newsroom.support.text.TextFolding;

/**
 * Puts highlights found on a folded field ({@code bodyFolded}: accents removed, every character where it was,
 * {@link TextFolding#foldPreservingCase}) back on the original text, so that {@code garcia} marks {@code García}.
 * Elasticsearch's highlighters cannot do it without term vectors on every text field (the fast vector highlighter),
 * and the index keeps none: indexing and merging them cost more than re-analysing the few hits a page shows.
 */
final class FoldedHighlights {

    private FoldedHighlights() {
    }

    static List<String> onOriginal(List<String> fragments, String original) {
        List<String> out = new ArrayList<>(fragments.size());
        for (String f : fragments) {
            out.add(onOriginal(f, original));
        }
        return out;
    }

    /**
     * The fragment (html-escaped text with {@code <mark>} tags) with the original's characters in place of the
     * folded ones; unchanged when it is not a piece of the original's folded text.
     */
    static String onOriginal(String fragment, String original) {
        if (original == null) {
            return fragment;
        }
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
                String entity = end < 0 ? null : fragment.substring(i, end + 1);
                char c = entity == null ? 0 : unescape(entity);
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
        String text = TextFolding.normalize(original);
        String folded = TextFolding.foldPreservingCase(text);
        int at = folded.indexOf(plain.toString());
        if (at < 0 || folded.length() != text.length()) {
            return fragment;
        }
        StringBuilder out = new StringBuilder(fragment.length() + 16);
        int next = 0;
        for (int[] m : marks) {
            escape(text, at + next, at + m[0], out);
            out.append(ArticleSearch.MARK_OPEN);
            escape(text, at + m[0], at + m[1], out);
            out.append(ArticleSearch.MARK_CLOSE);
            next = m[1];
        }
        escape(text, at + next, at + plain.length(), out);
        return out.toString();
    }

    /** The entities Elasticsearch's html encoder writes (Lucene's SimpleHTMLEncoder), and numeric ones; 0 if none. */
    private static char unescape(String entity) {
        switch (entity) {
            case "&quot;":
                return '"';
            case "&amp;":
                return '&';
            case "&lt;":
                return '<';
            case "&gt;":
                return '>';
            case "&#x27;":
            case "&#39;":
                return '\'';
            case "&#x2F;":
                return '/';
            default:
                return 0;
        }
    }

    /** As Elasticsearch's html encoder escapes. */
    private static void escape(String text, int from, int to, StringBuilder out) {
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
