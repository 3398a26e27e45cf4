package newsroom.search.story.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.termvectors.TermVector;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.story.config.StoryConfig;

/**
 * The statistics an article's story keys are weighed by. Its words' counts come from the analysis the index gives its
 * folded text (the mapping's {@code standard} analyzer is Lucene's {@link StandardAnalyzer}), done here. How many
 * indexed articles hold each word and entity comes from the index's term statistics, remembered for
 * {@code newsroom.search.stories.statistics-ttl}: in a large index they barely move in a minute, and asking the index
 * about every word of every article was a quarter of its CPU. What no batch of that time asked about is asked in one
 * term-vector request of an artificial document per batch.
 */
@ApplicationScoped
public class StoryTermStatistics {
    private static final Logger LOG = Logger.getLogger(StoryTermStatistics.class);
    /** Lucene's longest term in UTF-8 bytes: a longer entity id cannot be in the index (and would fail the request). */
    private static final int MAX_TERM_BYTES = 32_766;
    private static final String TEXT_DOCS = "text";
    private static final String ENTITY_DOCS = "entities";
    /** Term-vector errors that are the text's (it cannot be analysed), not the cluster's. */
    private static final Set<String> TEXT_FAULTS = Set.of("illegal_argument_exception", "mapper_parsing_exception",
            "document_parsing_exception", "parse_exception");

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final Cache<String, Long> wordDf;
    private final Cache<String, Long> entityDf;
    /** Articles with a body ({@value #TEXT_DOCS}) and with an entity ({@value #ENTITY_DOCS}), as long as the rest. */
    private final Cache<String, Long> docCounts;
    private final Analyzer analyzer = new StandardAnalyzer();

    public StoryTermStatistics(ElasticsearchClient client, ArticleIndex index, StoryConfig config) {
        this.client = client;
        this.index = index;
        this.wordDf = Caffeine.newBuilder().expireAfterWrite(config.statisticsTtl())
                .maximumSize(config.statisticsCapacity()).build();
        this.entityDf = Caffeine.newBuilder().expireAfterWrite(config.statisticsTtl())
                .maximumSize(config.statisticsCapacity()).build();
        this.docCounts = Caffeine.newBuilder().expireAfterWrite(config.statisticsTtl()).build();
    }

    /** Each article's statistics, in order; at most one request to the index for the whole batch. */
    public List<TermStats> termStats(List<ArticleDocument> docs) throws IOException {
        List<Map<String, Integer>> counts = new ArrayList<>(docs.size());
        Set<String> words = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (ArticleDocument doc : docs) {
            Map<String, Integer> tf = new HashMap<>();
            // title words count twice: a headline says what the event is
            count(doc.titleFolded(), 2, tf);
            count(doc.bodyFolded(), 1, tf);
            counts.add(tf);
            words.addAll(tf.keySet());
            if (doc.entityIds() != null) {
                entities.addAll(doc.entityIds());
            }
        }
        Map<String, Long> wordsKnown = new HashMap<>(wordDf.getAllPresent(words));
        Map<String, Long> entitiesKnown = new HashMap<>(entityDf.getAllPresent(entities));
        Set<String> askWords = new HashSet<>(words);
        askWords.removeAll(wordsKnown.keySet());
        Set<String> askEntities = new HashSet<>();
        for (String id : entities) {
            if (entitiesKnown.containsKey(id)) {
                continue;
            }
            if (id.getBytes(StandardCharsets.UTF_8).length > MAX_TERM_BYTES) {
                entitiesKnown.put(id, 0L);
            } else {
                askEntities.add(id);
            }
        }
        // the document counts expire with the rest: when they have, one known word and entity bring them back
        if (docCounts.getIfPresent(TEXT_DOCS) == null && askWords.isEmpty() && !words.isEmpty()) {
            askWords.add(words.iterator().next());
        }
        if (docCounts.getIfPresent(ENTITY_DOCS) == null && askEntities.isEmpty() && !entitiesKnown.isEmpty()) {
            entitiesKnown.keySet().stream().filter(id -> id.getBytes(StandardCharsets.UTF_8).length <= MAX_TERM_BYTES)
                    .findFirst().ifPresent(askEntities::add);
        }
        if (!askWords.isEmpty() || !askEntities.isEmpty()) {
            ask(askWords, askEntities, wordsKnown, entitiesKnown);
        }
        long textDocs = Math.max(orZero(docCounts.getIfPresent(TEXT_DOCS)), 1);
        long entityDocs = Math.max(orZero(docCounts.getIfPresent(ENTITY_DOCS)), 1);
        List<TermStats> out = new ArrayList<>(docs.size());
        for (Map<String, Integer> tf : counts) {
            out.add(new TermStats(tf, wordsKnown, textDocs, entitiesKnown, entityDocs));
        }
        return out;
    }

    /** One term-vector request of an artificial document holding what is not known; the answers are remembered. */
    private void ask(Set<String> words, Set<String> entities, Map<String, Long> wordsOut, Map<String, Long> entitiesOut)
            throws IOException {
        String text = String.join(" ", words);
        Map<String, Object> artificial = Map.of("titleFolded", text, "bodyFolded", text, "entityIds",
                List.copyOf(entities));
        Map<String, TermVector> vectors;
        try {
            vectors = client.termvectors(t -> t.index(index.writeIndex()).doc(artificial)
                    .fields("titleFolded", "bodyFolded", "entityIds").termStatistics(true).fieldStatistics(true)
                    .positions(false).offsets(false).payloads(false)).termVectors();
        } catch (ElasticsearchException e) {
            if (!textFault(e.error())) {
                throw e;
            }
            // words the index cannot analyse are in no article either: weigh them as new, and move on
            LOG.warnf("term statistics of %d words and %d entities refused (%s): weighed as new", words.size(),
                    entities.size(), e.error().reason());
            words.forEach(w -> wordsOut.putIfAbsent(w, 0L));
            entities.forEach(id -> entitiesOut.putIfAbsent(id, 0L));
            return;
        }
        Map<String, Long> wordsFound = new HashMap<>();
        Map<String, Long> entitiesFound = new HashMap<>();
        vectors.forEach((field, vector) -> {
            boolean isEntity = field.equals("entityIds");
            Map<String, Long> found = isEntity ? entitiesFound : wordsFound;
            vector.terms().forEach((term, stats) -> found.merge(term, stats.docFreq() == null ? 0L : stats.docFreq(),
                    Math::max));
            long docs = vector.fieldStatistics() == null ? 0 : vector.fieldStatistics().docCount();
            if (isEntity) {
                docCounts.put(ENTITY_DOCS, docs);
            } else if (field.equals("bodyFolded")) {
                docCounts.put(TEXT_DOCS, docs);
            }
        });
        words.forEach(w -> wordsFound.putIfAbsent(w, 0L));
        entities.forEach(id -> entitiesFound.putIfAbsent(id, 0L));
        wordDf.putAll(wordsFound);
        entityDf.putAll(entitiesFound);
        wordsOut.putAll(wordsFound);
        entitiesOut.putAll(entitiesFound);
    }

    /** Elasticsearch wraps the cause ("failed to execute term vector request"): any cause in the chain decides. */
    private static boolean textFault(ErrorCause error) {
        for (ErrorCause e = error; e != null; e = e.causedBy()) {
            if (TEXT_FAULTS.contains(e.type()) || e.rootCause().stream().anyMatch(r -> TEXT_FAULTS.contains(r.type()))) {
                return true;
            }
        }
        return false;
    }

    private void count(String text, int weight, Map<String, Integer> tf) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try (TokenStream tokens = analyzer.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                tf.merge(term.toString(), weight, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    @PreDestroy
    void close() {
        analyzer.close();
    }
}
