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

    /** Each fragment on the original (folded once for all of them). */
    static List<String> onOriginal(List<String> fragments, String original) {
        if (original == null) {
            return fragments;
        }
        String text = TextFolding.normalize(original);
        String folded = TextFolding.foldPreservingCase(text);
        List<String> out = new ArrayList<>(fragments.size());
        for (String f : fragments) {
            out.add(folded.length() == text.length() ? onOriginal(f, text, folded) : f);
        }
        return out;
    }

    static String onOriginal(String fragment, String original) {
        return onOriginal(List.of(fragment), original).get(0);
    }

    /**
     * The fragment (html-escaped text with {@code <mark>} tags) with the original's characters in place of the
     * folded ones; unchanged when it is not a piece of the original's folded text.
     */
    private static String onOriginal(String fragment, String text, String folded) {
        HighlightText.Parsed parsed = HighlightText.parse(fragment);
        int at = folded.indexOf(parsed.plain());
        if (at < 0) {
            return fragment;
        }
        StringBuilder out = new StringBuilder(fragment.length() + 16);
        int next = 0;
        for (int[] m : parsed.marks()) {
            HighlightText.escape(text, at + next, at + m[0], out);
            out.append(ArticleSearch.MARK_OPEN);
            HighlightText.escape(text, at + m[0], at + m[1], out);
            out.append(ArticleSearch.MARK_CLOSE);
            next = m[1];
        }
        HighlightText.escape(text, at + next, at + parsed.plain().length(), out);
        return out.toString();
    }
}
