package newsroom.search.alert.service;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The monitor's candidate matcher for queries that are already rewritten ({@link AlertQueryCompiler} rewrites every
 * query once, as a search without scores would): each candidate's weight is made and run on the articles' index
 * directly. The monitor's own matcher searches through {@link IndexSearcher#search(Query,
 * org.apache.lucene.search.Collector)}, which rewrites the query again for every article it is a candidate for (two
 * fifths of a match, measured), and caches clauses on an index searched once.
 */
final class RewrittenQueryMatcher extends CandidateMatcher<QueryMatch> {
    static final MatcherFactory<QueryMatch> FACTORY = searcher -> {
        searcher.setQueryCache(null);
        return new RewrittenQueryMatcher(searcher);
    };

    private RewrittenQueryMatcher(IndexSearcher searcher) {
        super(searcher);
    }

    @Override
    protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
        Weight weight = searcher.createWeight(matchQuery, ScoreMode.COMPLETE_NO_SCORES, 1f);
        QueryMatch match = new QueryMatch(queryId);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                continue;
            }
            int base = leaf.docBase;
            scorer.score(new LeafCollector() {
                @Override
                public void setScorer(Scorable scorable) {
                    // no scores
                }

                @Override
                public void collect(int doc) {
                    addMatch(match, base + doc);
                }
            }, leaf.reader().getLiveDocs());
        }
    }

    @Override
    public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
        return match1;
    }
}
