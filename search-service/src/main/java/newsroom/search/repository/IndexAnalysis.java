package newsroom.search.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis of the index's text fields ({@code articles-mapping.json}: {@code standard}), in process: the same
 * tokens Elasticsearch makes, for whoever must agree with it without asking it (alert matching, story keys).
 */
public final class IndexAnalysis {
    /** Elasticsearch's {@code standard} analyzer: no stop words (Lucene's default set is empty too; said here). */
    public static final Analyzer STANDARD = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    private IndexAnalysis() {
    }

    /** Each token of the text with its count, as term vectors would give them. */
    public static Map<String, Integer> termCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return counts;
        }
        try (TokenStream tokens = STANDARD.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return counts;
    }
}
