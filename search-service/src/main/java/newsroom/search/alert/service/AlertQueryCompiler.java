package newsroom.search.alert.service;

import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPES;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import newsroom.search.ArticleQuery;
import newsroom.search.repository.IndexAnalysis;
import newsroom.support.text.TextFolding;

/**
 * A subscription's {@link ArticleQuery} as the Lucene query that matches what {@code /api/search}
 * ({@code ArticleQueries.of}) matches, over the fields {@link AlertDocuments} builds. Only what decides a hit is
 * reproduced: the folded text as Elasticsearch's {@code simple_query_string} (default operator AND, every flag, on
 * {@code titleFolded} and {@code bodyFolded}, standard analyzer) and the filters; the scoring-only clause on the
 * original text is left out.
 *
 * <p>Elasticsearch's simple_query_string is Lucene's {@link SimpleQueryParser} with its own term builders; they agree
 * for terms, phrases (with slop), prefixes, negation (a negated clause also matches everything else), precedence and
 * escapes. Fuzzy terms ({@code word~1}) are the exception: Elasticsearch expands them to at most 50 terms of the whole
 * index, and refuses the search when the expansions exceed its clause limit, which one article cannot reproduce. A
 * subscription with a fuzzy term is therefore matched on Elasticsearch ({@link Compiled#elasticsearch()}), and so is
 * one with more distinct clauses than Lucene's limit (1,024), which Elasticsearch's higher limit may take.
 */
public final class AlertQueryCompiler {
    static final Map<String, Float> TEXT_FIELDS = Map.of(TITLE_FOLDED, 3f, BODY_FOLDED, 1f);
    private static final IndexSearcher NO_INDEX = noIndex();

    private AlertQueryCompiler() {
    }

    /**
     * @param query the Lucene query (null when matched on Elasticsearch)
     * @param elasticsearch why this subscription is matched on Elasticsearch instead, or null
     * @param watch for a plain entity watch (entities and nothing else), its entities: matched by a map lookup
     */
    public record Compiled(Query query, String elasticsearch, List<String> watch) {
    }

    public static Compiled compile(ArticleQuery q) {
        if (!q.hasText() && !q.entities().isEmpty() && q.types().isEmpty() && q.sources().isEmpty()
                && q.from() == null && q.to() == null) {
            return new Compiled(null, null, q.entities());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (q.hasText()) {
            EsSimpleQueryParser parser = new EsSimpleQueryParser(IndexAnalysis.STANDARD);
            Query text = parser.parse(TextFolding.key(q.text()));
            if (parser.fuzzy) {
                return new Compiled(null, "fuzzy term: Elasticsearch expands it over the whole index", null);
            }
            b.add(text, Occur.MUST);
            any = true;
        }
        // An entity filter: the article's entity ids are indexed with every id merged with them (AlertDocuments),
        // so the subscription's id itself is the term, whatever was merged since.
        for (String entity : q.entities()) {
            b.add(new TermQuery(new Term(ENTITY_IDS, entity)), Occur.FILTER);
            any = true;
        }
        any |= anyOf(b, ENTITY_TYPES, q.types());
        any |= anyOf(b, SOURCE, q.sources());
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1; // exclusive upper bound
            b.add(LongPoint.newRangeQuery(DATE, from, to), Occur.FILTER);
            any = true;
        }
        try {
            return new Compiled(rewritten(any ? b.build() : new MatchAllDocsQuery()), null, null);
        } catch (IndexSearcher.TooManyClauses e) {
            // Reachable through the API (each CJK ideograph is a word of its own); Elasticsearch's limit is higher
            return new Compiled(null, "more clauses than Lucene's limit (" + IndexSearcher.getMaxClauseCount()
                    + "): Elasticsearch runs it", null);
        }
    }

    private static IndexSearcher noIndex() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query as a search that needs no scores rewrites it, done once here instead of for every article it is a
     * candidate for (that rewrite was two fifths of a match). Rewriting these queries reads nothing of the index, so an
     * empty one does; {@link RewrittenQueryMatcher} relies on every monitor query coming from here.
     */
    private static Query rewritten(Query query) {
        try {
            return NO_INDEX.rewrite(new ConstantScoreQuery(query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A terms filter (any of the values), as Elasticsearch's {@code terms} query on a keyword field. */
    private static boolean anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        for (String v : values) {
            or.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        }
        b.add(or.build(), Occur.FILTER);
        return true;
    }

    /** Lucene's parser with Elasticsearch's prefix rule (the prefix normalized by the field's analyzer). */
    static final class EsSimpleQueryParser extends SimpleQueryParser {
        boolean fuzzy;

        EsSimpleQueryParser(Analyzer analyzer) {
            super(analyzer, TEXT_FIELDS, -1); // -1: every operator, as simple_query_string's default flags ALL
            setDefaultOperator(Occur.MUST);
        }

        @Override
        protected Query newFuzzyQuery(String text, int fuzziness) {
            fuzzy = true;
            return super.newFuzzyQuery(text, fuzziness);
        }

        @Override
        protected Query newPrefixQuery(String text) {
            BooleanQuery.Builder bq = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> e : weights.entrySet()) {
                BytesRef normalized = getAnalyzer().normalize(e.getKey(), text);
                bq.add(new PrefixQuery(new Term(e.getKey(), normalized)), Occur.SHOULD);
            }
            return bq.build();
        }
    }
}
