package newsroom.search.service;

import static newsroom.search.repository.ArticleFields.BODY;
import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_COUNT;
import static newsroom.search.repository.ArticleFields.ENTITY_ID;
import static newsroom.search.repository.ArticleFields.ENTITY_NAME;
import static newsroom.search.repository.ArticleFields.ENTITY_SALIENCE;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPE;
import static newsroom.search.repository.ArticleFields.ID;
import static newsroom.search.repository.ArticleFields.PUBLISHED_AT;
import static newsroom.search.repository.ArticleFields.RECEIVED_AT;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.STORY_ID;
import static newsroom.search.repository.ArticleFields.TITLE;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;
import static newsroom.search.repository.ArticleFields.URL;
import static newsroom.search.repository.ArticleFields.entityIdsOfType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import newsroom.search.InvalidQueryException;
import newsroom.events.EntityType;
import newsroom.search.ArticleQuery;
import newsroom.search.SearchResult;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleQueries;
import newsroom.search.repository.EntityDirectory;
import newsroom.search.story.repository.StorySizes;

/** Runs an {@link ArticleQuery} against the alias: one request for hits, highlights and facets. */
@ApplicationScoped
public class ArticleSearch {
    private static final Logger LOG = Logger.getLogger(ArticleSearch.class);
    public static final String MARK_OPEN = "<mark>";
    public static final String MARK_CLOSE = "</mark>";
    static final int FACET_SIZE = 10;
    static final int SOURCE_FACET_SIZE = 20;
    static final int HIGHLIGHT_CHARS = 200_000;
    /**
     * How long a relevance cursor stays usable after its page was served: each page renews it, the last page closes
     * it, so an abandoned paging holds Elasticsearch's search context for a minute at most.
     */
    static final String PIT_KEEP_ALIVE = "1m";
    private static final String ENTITY_AGG = "entities:";

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final EntityDirectory directory;
    private final EntityMerges merges;
    private final Timer timer;

    public ArticleSearch(ElasticsearchClient client, ArticleIndex index, EntityDirectory directory,
            EntityMerges merges, MeterRegistry registry) {
        this.client = client;
        this.index = index;
        this.merges = merges;
        this.directory = directory;
        this.timer = Timer.builder("newsroom.search.query").description("Searches answered")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** One page of hits, each article on its own. */
    public SearchResult search(ArticleQuery query, String cursor) throws IOException {
        return search(query, cursor, false);
    }

    /**
     * A failing cluster trips the breaker so requests fail fast (503) instead of queueing on dead connections.
     *
     * @param collapseStories one hit per story (its best or newest article, by the query's sort); a single page:
     *        Elasticsearch cannot page collapsed results with search_after on another field, so there is no cursor
     */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = InvalidQueryException.class)
    public SearchResult search(ArticleQuery query, String cursor, boolean collapseStories) throws IOException {
        if (collapseStories && cursor != null && !cursor.isBlank()) {
            throw new InvalidQueryException(List.of("cursor: not available with collapse=story"));
        }
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor, query);
        long start = System.nanoTime();
        try {
            return run(query, after, collapseStories);
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private SearchResult run(ArticleQuery query, PageCursor after, boolean collapse) throws IOException {
        SearchRequest.Builder request = new SearchRequest.Builder()
                .query(ArticleQueries.of(query, merges))
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sort(query.sort()))
                .source(s -> s.filter(f -> f.includes(ID, URL, SOURCE, TITLE, BODY, PUBLISHED_AT,
                        RECEIVED_AT, DATE, STORY_ID, ENTITY_ID, ENTITY_NAME, ENTITY_TYPE, ENTITY_COUNT,
                        ENTITY_SALIENCE)))
                .highlight(highlight());
        if (after != null) {
            request.searchAfter(after.after());
        }
        // Relevance pages all read one point in time, the first page included: scores computed before it was opened
        // (while other articles arrive) would not line up with search_after on the later pages.
        String pit = after != null ? after.pit() : null;
        boolean openedHere = false;
        if (collapse) {
            request.collapse(c -> c.field(STORY_ID));
        } else if (after == null && query.sort() == ArticleQuery.Sort.RELEVANCE && query.size() > 0) {
            pit = client.openPointInTime(o -> o.index(index.alias()).keepAlive(k -> k.time(PIT_KEEP_ALIVE))).id();
            openedHere = true;
        }
        if (pit != null) {
            String id = pit;
            request.pit(p -> p.id(id).keepAlive(k -> k.time(PIT_KEEP_ALIVE)));
        } else {
            request.index(index.alias());
        }
        if (query.facets()) {
            request.aggregations(facetAggregations());
        }
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(request.build(), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (openedHere) {
                closePointInTime(pit);
            }
            if (after != null && after.pit() != null && e.status() == 404) {
                throw new InvalidQueryException(List.of("cursor: expired; start again without it"));
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (openedHere) {
                closePointInTime(pit);
            }
            throw e;
        }
        if (response.pitId() != null) {
            pit = response.pitId();
        }

        List<SearchResult.Hit> hits = new ArrayList<>();
        List<FieldValue> lastSort = null;
        Map<String, Long> storySizes = StorySizes.of(client, index.alias(), response.hits().hits().stream()
                .map(Hit::source).filter(d -> d != null && d.storyId() != null).map(ArticleDocument::storyId).toList());
        for (Hit<ArticleDocument> hit : response.hits().hits()) {
            ArticleDocument doc = hit.source();
            if (doc == null) {
                continue;
            }
            SearchResult.StoryRef story = doc.storyId() == null ? null
                    : new SearchResult.StoryRef(doc.storyId(), storySizes.getOrDefault(doc.storyId(), 1L));
            hits.add(new SearchResult.Hit(doc.id(), doc.title(), doc.url(), doc.source(), doc.publishedAt(),
                    doc.receivedAt(), highlights(hit.highlight(), doc), entities(doc), story));
            lastSort = hit.sort();
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String next = null;
        long served = (after == null ? 0 : after.served()) + hits.size();
        if (!collapse && lastSort != null && hits.size() == query.size() && total > served) {
            next = new PageCursor(lastSort, PageCursor.fingerprint(query), pit, served).encode();
        } else if (pit != null) {
            closePointInTime(pit); // the last page (or the only one) was served
        }
        SearchResult.Facets facets = query.facets() ? facets(response.aggregations(), query) : null;
        return new SearchResult(total, hits, facets, next);
    }

    /** The last page was served: free the search context now instead of at the end of its keep-alive. */
    private void closePointInTime(String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | ElasticsearchException e) {
            LOG.debugf("could not close a point in time (it expires by itself): %s", e.getMessage());
        }
    }

    /** A total order: the article id breaks every tie, so search_after never skips or repeats an article. */
    static List<SortOptions> sort(ArticleQuery.Sort sort) {
        List<SortOptions> sorts = new ArrayList<>();
        if (sort == ArticleQuery.Sort.RELEVANCE) {
            sorts.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sorts.add(SortOptions.of(s -> s.field(f -> f.field(DATE).order(SortOrder.Desc))));
        sorts.add(SortOptions.of(s -> s.field(f -> f.field(ID).order(SortOrder.Asc))));
        return sorts;
    }

    /**
     * Highlights on the folded fields, which every text query matches ({@link FoldedHighlights} puts them back on the
     * original text: same positions), by the plain highlighter: it re-analyses the shown hits (the index keeps no term
     * vectors) and cuts fragments of so many characters around the matches, where the unified one cuts at sentence
     * ends that markup and abbreviations fool. Only the first {@link #HIGHLIGHT_CHARS} characters are analysed, so
     * that a body of a megabyte is found but not highlighted past them, instead of failing the search. The html
     * encoder escapes all but the tags.
     */
    static Highlight highlight() {
        return Highlight.of(h -> h.encoder(HighlighterEncoder.Html).preTags(MARK_OPEN).postTags(MARK_CLOSE)
                .requireFieldMatch(false).maxAnalyzedOffset(HIGHLIGHT_CHARS)
                .fields(TITLE_FOLDED, f -> f.type("plain").numberOfFragments(0))
                .fields(BODY_FOLDED, f -> f.type("plain").fragmentSize(180).numberOfFragments(3)
                        .noMatchSize(220)));
    }

    static Map<String, Aggregation> facetAggregations() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (EntityType type : EntityType.values()) {
            aggs.put(ENTITY_AGG + type.name(), Aggregation.of(a -> a.terms(t -> t.field(entityIdsOfType(type.name()))
                    .size(FACET_SIZE))));
        }
        aggs.put("sources", Aggregation.of(a -> a.terms(t -> t.field(SOURCE).size(SOURCE_FACET_SIZE))));
        aggs.put("dates", dailyHistogram());
        return aggs;
    }

    /** Non-empty UTC days; {@link DateBuckets} picks the chart's width from them. */
    static Aggregation dailyHistogram() {
        return Aggregation.of(a -> a.dateHistogram(d -> d.field(DATE).calendarInterval(CalendarInterval.Day)
                .minDocCount(1)));
    }

    static Map<Instant, Long> days(Aggregate histogram) {
        Map<Instant, Long> days = new java.util.HashMap<>();
        for (DateHistogramBucket b : histogram.dateHistogram().buckets().array()) {
            days.put(Instant.ofEpochMilli(b.key()), b.docCount());
        }
        return days;
    }

    private SearchResult.Facets facets(Map<String, Aggregate> aggs, ArticleQuery query) throws IOException {
        Map<String, List<StringTermsBucket>> byType = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (EntityType type : EntityType.values()) {
            Aggregate agg = aggs.get(ENTITY_AGG + type.name());
            if (agg == null) {
                continue;
            }
            List<StringTermsBucket> buckets = agg.sterms().buckets().array();
            if (!buckets.isEmpty()) {
                byType.put(type.name(), buckets);
                buckets.forEach(b -> ids.add(b.key().stringValue()));
            }
        }
        Map<String, String> names = directory.namesOf(ids);
        Map<String, List<SearchResult.EntityCount>> entities = new LinkedHashMap<>();
        byType.forEach((type, buckets) -> entities.put(type, buckets.stream().map(b -> {
            String id = b.key().stringValue();
            return new SearchResult.EntityCount(id, names.getOrDefault(id, id), type, b.docCount());
        }).toList()));
        List<SearchResult.ValueCount> sources = aggs.get("sources").sterms().buckets().array().stream()
                .map(b -> new SearchResult.ValueCount(b.key().stringValue(), b.docCount())).toList();
        DateBuckets.Chart chart = DateBuckets.chart(days(aggs.get("dates")), query.from(), query.to());
        return new SearchResult.Facets(entities, sources, chart.buckets(), chart.interval());
    }

    static String idOf(String typeId) {
        int colon = typeId.indexOf(':');
        return colon < 0 ? typeId : typeId.substring(colon + 1);
    }

    private static Map<String, List<String>> highlights(Map<String, List<String>> raw, ArticleDocument doc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> title = raw.get(TITLE_FOLDED);
        if (title != null && !title.isEmpty()) {
            out.put("title", FoldedHighlights.onOriginal(title, doc.title()));
        }
        List<String> body = raw.get(BODY_FOLDED);
        if (body != null && !body.isEmpty()) {
            out.put("body", FoldedHighlights.onOriginal(body, doc.body()));
        }
        return out;
    }

    /** The article's entities, most salient first. */
    public static List<SearchResult.EntityRef> entities(ArticleDocument doc) {
        if (doc.entities() == null) {
            return List.of();
        }
        List<SearchResult.EntityRef> refs = new ArrayList<>();
        for (ArticleDocument.EntityDocument e : doc.entities()) {
            refs.add(new SearchResult.EntityRef(e.id(), e.name(), e.type(), e.count(), e.salience()));
        }
        refs.sort(Comparator.comparingDouble(SearchResult.EntityRef::salience).reversed()
                .thenComparing(SearchResult.EntityRef::id));
        return refs;
    }
}
