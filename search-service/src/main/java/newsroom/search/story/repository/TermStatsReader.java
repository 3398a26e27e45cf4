package newsroom.search.story.repository;

import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.MtermvectorsResponse;
import co.elastic.clients.elasticsearch.core.mtermvectors.MultiTermVectorsOperation;
import co.elastic.clients.elasticsearch.core.mtermvectors.MultiTermVectorsResult;
import co.elastic.clients.elasticsearch.core.termvectors.Term;
import co.elastic.clients.elasticsearch.core.termvectors.TermVector;
import co.elastic.clients.json.JsonData;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.IndexAnalysis;

/**
 * What the index knows about the words and entities of articles not in it yet: term vectors of artificial documents,
 * so the document frequencies are the index's own.
 *
 * <p>A batch's articles are asked together, as one artificial document per {@link #GROUP_CHARS} of text: looking a
 * term up in every segment is most of a term-vector request's cost, and the words an article shares with its batch
 * (most of them) are then looked up once, not once per article. Each article's own counts come from the same analysis
 * in process ({@link IndexAnalysis}), so its statistics are what a request of its own would give. A group that
 * Elasticsearch cannot analyse is asked again article by article, so one bad article costs only itself.
 */
@ApplicationScoped
public class TermStatsReader {
    /** Text per artificial document: bounds what one analysis holds in Elasticsearch's memory. */
    static final int GROUP_CHARS = 1 << 20;
    /** Term-vector errors that are the article's (text Elasticsearch cannot analyse), not the cluster's. */
    private static final Set<String> ARTICLE_FAULTS = Set.of("illegal_argument_exception", "mapper_parsing_exception",
            "document_parsing_exception", "parse_exception");

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public TermStatsReader(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * Each article's statistics, in order; null for an article Elasticsearch cannot analyse (its own fault, not the
     * cluster's).
     */
    public List<TermStats> termStats(List<ArticleDocument> docs) throws IOException {
        List<List<ArticleDocument>> groups = groups(docs);
        List<TermStats> out = new ArrayList<>(docs.size());
        List<MultiTermVectorsResult> results = request(groups.stream().map(TermStatsReader::artificial).toList());
        for (int g = 0; g < groups.size(); g++) {
            List<ArticleDocument> group = groups.get(g);
            MultiTermVectorsResult result = results.get(g);
            if (result.error() == null) {
                group.forEach(doc -> out.add(stats(doc, result.termVectors())));
            } else if (group.size() == 1) {
                out.add(null);
            } else {
                out.addAll(eachAlone(group));
            }
        }
        return out;
    }

    /** Article by article: a group's failure says only that one of its articles cannot be analysed. */
    private List<TermStats> eachAlone(List<ArticleDocument> docs) throws IOException {
        List<TermStats> out = new ArrayList<>(docs.size());
        List<MultiTermVectorsResult> results = request(docs.stream().map(d -> artificial(List.of(d))).toList());
        for (int i = 0; i < docs.size(); i++) {
            MultiTermVectorsResult result = results.get(i);
            out.add(result.error() == null ? stats(docs.get(i), result.termVectors()) : null);
        }
        return out;
    }

    private List<MultiTermVectorsResult> request(List<Map<String, Object>> artificial) throws IOException {
        if (artificial.isEmpty()) {
            return List.of();
        }
        List<MultiTermVectorsOperation> ops = new ArrayList<>();
        for (Map<String, Object> doc : artificial) {
            ops.add(MultiTermVectorsOperation.of(o -> o.index(index.writeIndex()).doc(JsonData.of(doc))
                    .fields(TITLE_FOLDED, BODY_FOLDED, ENTITY_IDS).termStatistics(true).fieldStatistics(true)
                    .positions(false).offsets(false).payloads(false)));
        }
        MtermvectorsResponse response = client.mtermvectors(m -> m.docs(ops));
        for (MultiTermVectorsResult result : response.docs()) {
            if (result.error() != null && !articleFault(result.error())) {
                throw new IOException("term vectors failed: " + result.error().type() + ": "
                        + result.error().reason());
            }
        }
        return response.docs();
    }

    private static List<List<ArticleDocument>> groups(List<ArticleDocument> docs) {
        List<List<ArticleDocument>> groups = new ArrayList<>();
        List<ArticleDocument> current = new ArrayList<>();
        long chars = 0;
        for (ArticleDocument doc : docs) {
            long size = length(doc.titleFolded()) + length(doc.bodyFolded());
            if (!current.isEmpty() && chars + size > GROUP_CHARS) {
                groups.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(doc);
            chars += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** The group as one document; a line break between articles, so no token spans two of them. */
    private static Map<String, Object> artificial(List<ArticleDocument> group) {
        StringBuilder title = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Set<String> entities = new LinkedHashSet<>();
        for (ArticleDocument doc : group) {
            title.append(doc.titleFolded() == null ? "" : doc.titleFolded()).append('\n');
            body.append(doc.bodyFolded() == null ? "" : doc.bodyFolded()).append('\n');
            if (doc.entityIds() != null) {
                entities.addAll(doc.entityIds());
            }
        }
        Map<String, Object> artificial = new HashMap<>();
        artificial.put(TITLE_FOLDED, title.toString());
        artificial.put(BODY_FOLDED, body.toString());
        artificial.put(ENTITY_IDS, List.copyOf(entities));
        return artificial;
    }

    /**
     * One article's statistics from its group's term vectors: its own words and entities, each with the index's
     * document frequency (a word's highest over the fields it is in, in this article), its words counted here.
     */
    static TermStats stats(ArticleDocument doc, Map<String, TermVector> vectors) {
        Map<String, Integer> tf = new HashMap<>();
        Map<String, Long> df = new HashMap<>();
        Map<String, Long> entityDf = new HashMap<>();
        Map<String, Integer> body = IndexAnalysis.termCounts(doc.bodyFolded());
        Map<String, Integer> title = IndexAnalysis.termCounts(doc.titleFolded());
        // title words count twice: a headline says what the event is
        title.forEach((term, n) -> {
            tf.merge(term, 2 * n, Integer::sum);
            df.merge(term, docFreq(vectors.get(TITLE_FOLDED), term), Math::max);
        });
        body.forEach((term, n) -> {
            tf.merge(term, n, Integer::sum);
            df.merge(term, docFreq(vectors.get(BODY_FOLDED), term), Math::max);
        });
        if (doc.entityIds() != null) {
            doc.entityIds().forEach(id -> entityDf.put(id, docFreq(vectors.get(ENTITY_IDS), id)));
        }
        // an article with no body words or no entities has no use for their totals: 1 keeps the arithmetic defined
        long textDocs = body.isEmpty() ? 0 : docCount(vectors.get(BODY_FOLDED));
        long entityDocs = entityDf.isEmpty() ? 0 : docCount(vectors.get(ENTITY_IDS));
        return new TermStats(tf, df, Math.max(textDocs, 1), entityDf, Math.max(entityDocs, 1));
    }

    private static long docFreq(TermVector vector, String term) {
        Term stats = vector == null ? null : vector.terms().get(term);
        return stats == null || stats.docFreq() == null ? 0 : stats.docFreq();
    }

    private static long docCount(TermVector vector) {
        return vector == null || vector.fieldStatistics() == null ? 0 : vector.fieldStatistics().docCount();
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Elasticsearch wraps the cause ("failed to execute term vector request"): any cause in the chain decides. */
    private static boolean articleFault(ErrorCause error) {
        for (ErrorCause e = error; e != null; e = e.causedBy()) {
            if (ARTICLE_FAULTS.contains(e.type())
                    || e.rootCause().stream().anyMatch(r -> ARTICLE_FAULTS.contains(r.type()))) {
                return true;
            }
        }
        return false;
    }
}
