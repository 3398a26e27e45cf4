package newsroom.search.service;

/** Turns a highlight fragment (HTML-escaped text with {@code <mark>} tags) back into plain text. */
final class HighlightText {

    private HighlightText() {
    }

    static String toPlainText(String fragment) {
        String noTags = fragment.replace(ArticleSearch.MARK_OPEN, "").replace(ArticleSearch.MARK_CLOSE, "");
        // The entities Elasticsearch's html encoder writes; &amp; last so "&amp;lt;" stays "&lt;".
        return noTags.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#x2F;", "/").replace("&#39;", "'").replace("&amp;", "&");
    }
}
