package newsroom.search.story.service;

import static newsroom.search.repository.ArticleFields.BODY;
import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPE_IDS;
import static newsroom.search.repository.ArticleFields.ID;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.STORY_ID;
import static newsroom.search.repository.ArticleFields.STORY_KEYS;
import static newsroom.search.repository.ArticleFields.TITLE;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import newsroom.search.ArticleQuery;
import newsroom.search.SearchResult;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.ArticleQueries;
import newsroom.search.repository.EntityDirectory;
import newsroom.search.service.ArticleSearch;
import newsroom.search.service.EntityMerges;
import newsroom.search.story.StoryDetail;
import newsroom.search.story.StoryList;
import newsroom.search.story.repository.StorySizes;

/** Stories as readers see them: lists by size, recency or growth, and one story in full. Reads the alias. */
@ApplicationScoped
public class StoryCatalog {
    public enum Sort {
        SIZE, RECENT, GROWTH
    }

    /** A story of up to this span gets an hourly timeline, a longer one a daily one. */
    static final Duration HOURLY_UP_TO = Duration.ofHours(72);
    static final int ENTITY_TERMS = 500;
    static final int TOP_ENTITIES = 15;
    /** What a story's article hits leave out of their source: the texts and the story keys the API never returns. */
    private static final List<String> NOT_SHOWN = List.of(BODY, BODY_FOLDED, TITLE_FOLDED, STORY_KEYS);
    /** A story's headline: the title of its first article ({@link #headline(Aggregate)} reads it). */
    private static final Aggregation HEADLINE = Aggregation.of(a -> a.topHits(th -> th.size(1)
            .sort(so -> so.field(f -> f.field(DATE).order(SortOrder.Asc)))
            .source(src -> src.filter(f -> f.includes(TITLE)))));

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final StoryLineage lineage;
    private final EntityMerges merges;
    private final EntityDirectory directory;

    public StoryCatalog(ElasticsearchClient client, ArticleIndex index, StoryLineage lineage, EntityMerges merges,
            EntityDirectory directory) {
        this.client = client;
        this.index = index;
        this.lineage = lineage;
        this.merges = merges;
        this.directory = directory;
    }

    /** The stories with an article matching {@code filter}, ordered by {@code sort} over those articles. */
    public StoryList list(ArticleQuery filter, Sort sort, int hours, int size) throws IOException {
        Instant since = Instant.now().minus(Duration.ofHours(hours));
        NamedValue<SortOrder> order = switch (sort) {
            case SIZE -> NamedValue.of("_count", SortOrder.Desc);
            case RECENT -> NamedValue.of("last", SortOrder.Desc);
            case GROWTH -> NamedValue.of("recent>_count", SortOrder.Desc);
        };
        Aggregation stories = Aggregation.of(a -> a
                .terms(t -> t.field(STORY_ID).size(size).order(List.of(order, NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("first", s -> s.min(m -> m.field(DATE)))
                .aggregations("last", s -> s.max(m -> m.field(DATE)))
                .aggregations("recent", s -> s.filter(f -> f.range(r -> r.date(d -> d.field(DATE)
                        .gte(since.toString())))))
                .aggregations("sources", s -> s.cardinality(c -> c.field(SOURCE)))
                .aggregations("headline", HEADLINE));
        SearchResponse<Void> response = client.search(s -> s.index(index.alias()).size(0)
                .query(ArticleQueries.of(filter, merges)).aggregations("stories", stories), Void.class);
        List<StringTermsBucket> buckets = response.aggregations().get("stories").sterms().buckets().array();
        Map<String, Long> sizes = StorySizes.of(client, index.alias(),
                buckets.stream().map(b -> b.key().stringValue()).toList());
        List<StoryList.Summary> out = new ArrayList<>();
        for (StringTermsBucket b : buckets) {
            String id = b.key().stringValue();
            out.add(new StoryList.Summary(id, headline(b.aggregations().get("headline")), sizes.getOrDefault(id, b.docCount()), b.docCount(),
                    b.aggregations().get("recent").filter().docCount(),
                    b.aggregations().get("sources").cardinality().value(),
                    instant(b.aggregations().get("first")), instant(b.aggregations().get("last"))));
        }
        return new StoryList(out, sort.name().toLowerCase(Locale.ROOT), hours);
    }

    /** One story (or the one it was merged into), its first {@code limit} articles, outlets, timeline and entities. */
    public StoryDetail detail(String requested, int limit) throws IOException {
        String id = lineage.living(requested);
        Query inStory = Query.of(q -> q.term(t -> t.field(STORY_ID).value(id)));
        SearchResponse<ArticleDocument> response = client.search(s -> s.index(index.alias()).query(inStory)
                .size(limit).trackTotalHits(t -> t.enabled(true))
                .sort(so -> so.field(f -> f.field(DATE).order(SortOrder.Asc)))
                .sort(so -> so.field(f -> f.field(ID).order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.excludes(NOT_SHOWN)))
                .aggregations("first", a -> a.min(m -> m.field(DATE)))
                .aggregations("last", a -> a.max(m -> m.field(DATE)))
                .aggregations("sources", a -> a.terms(t -> t.field(SOURCE).size(100))
                        .aggregations("first", x -> x.min(m -> m.field(DATE))))
                .aggregations("hours", a -> a.dateHistogram(d -> d.field(DATE)
                        .calendarInterval(CalendarInterval.Hour).minDocCount(1)))
                .aggregations("days", a -> a.dateHistogram(d -> d.field(DATE)
                        .calendarInterval(CalendarInterval.Day).minDocCount(1)))
                .aggregations("entities", a -> a.terms(t -> t.field(ENTITY_TYPE_IDS).size(ENTITY_TERMS))
                        .aggregations("first", x -> x.min(m -> m.field(DATE)))), ArticleDocument.class);
        long size = response.hits().total() == null ? 0 : response.hits().total().value();
        if (size == 0) {
            throw new NotFoundException("no story " + requested);
        }
        Map<String, Aggregate> aggs = response.aggregations();
        Instant first = instant(aggs.get("first"));
        Instant last = instant(aggs.get("last"));
        List<StoryDetail.Outlet> outlets = aggs.get("sources").sterms().buckets().array().stream()
                .map(b -> new StoryDetail.Outlet(b.key().stringValue(), b.docCount(),
                        instant(b.aggregations().get("first"))))
                .sorted(Comparator.comparing(StoryDetail.Outlet::firstSeen).thenComparing(StoryDetail.Outlet::source))
                .toList();
        boolean hourly = first != null && last != null && Duration.between(first, last).compareTo(HOURLY_UP_TO) <= 0;
        List<SearchResult.DateCount> timeline = new ArrayList<>();
        for (DateHistogramBucket b : aggs.get(hourly ? "hours" : "days").dateHistogram().buckets().array()) {
            timeline.add(new SearchResult.DateCount(Instant.ofEpochMilli(b.key()), b.docCount()));
        }
        List<StringTermsBucket> entityBuckets = aggs.get("entities").sterms().buckets().array();
        Set<String> ids = new HashSet<>();
        entityBuckets.forEach(b -> ids.add(entityId(b.key().stringValue())));
        Map<String, String> names = directory.namesOf(ids);
        List<StoryDetail.EntityCount> top = new ArrayList<>();
        List<StoryDetail.AddedEntity> added = new ArrayList<>();
        for (StringTermsBucket b : entityBuckets) {
            String typeId = b.key().stringValue();
            String entity = entityId(typeId);
            String type = typeId.substring(0, typeId.indexOf(':'));
            String name = names.getOrDefault(entity, entity);
            if (top.size() < TOP_ENTITIES) {
                top.add(new StoryDetail.EntityCount(entity, name, type, b.docCount()));
            }
            Instant seen = instant(b.aggregations().get("first"));
            if (seen != null && first != null && seen.isAfter(first)) {
                added.add(new StoryDetail.AddedEntity(entity, name, type, seen, b.docCount()));
            }
        }
        added.sort(Comparator.comparing(StoryDetail.AddedEntity::firstSeen).thenComparing(StoryDetail.AddedEntity::id));
        return new StoryDetail(id, size, first, last, outlets, new StoryDetail.Timeline(hourly ? "hour" : "day",
                timeline), top, added, hits(response, id, size));
    }

    /**
     * A story's newest articles, for its feed.
     *
     * @param id the living story (asked for an absorbed one, the survivor)
     * @param headline the title of its first article
     */
    public record Latest(String id, String headline, long size, List<SearchResult.Hit> articles) {
    }

    /** The newest {@code limit} articles of a story (or of the one it was merged into), newest first. */
    public Latest latest(String requested, int limit) throws IOException {
        String id = lineage.living(requested);
        SearchResponse<ArticleDocument> response = client.search(s -> s.index(index.alias())
                .query(q -> q.term(t -> t.field(STORY_ID).value(id))).size(limit)
                .trackTotalHits(t -> t.enabled(true))
                .sort(so -> so.field(f -> f.field(DATE).order(SortOrder.Desc)))
                .sort(so -> so.field(f -> f.field(ID).order(SortOrder.Desc)))
                .source(src -> src.filter(f -> f.excludes(NOT_SHOWN)))
                .aggregations("headline", HEADLINE), ArticleDocument.class);
        long size = response.hits().total() == null ? 0 : response.hits().total().value();
        if (size == 0) {
            throw new NotFoundException("no story " + requested);
        }
        return new Latest(id, headline(response.aggregations().get("headline")), size, hits(response, id, size));
    }

    /** The title of a story's first article, from {@link #HEADLINE}; null when that article has none. */
    private static String headline(Aggregate headline) {
        var first = headline.topHits().hits().hits();
        return first.isEmpty() || first.get(0).source() == null ? null
                : first.get(0).source().toJson().asJsonObject().getString(TITLE, null);
    }

    /** 404 (NotFoundException) unless the id names a story with articles, itself or the one it was merged into. */
    public void requireStory(String id) {
        try {
            latest(id, 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not look the story up", e);
        }
    }

    private static List<SearchResult.Hit> hits(SearchResponse<ArticleDocument> response, String id, long size) {
        List<SearchResult.Hit> articles = new ArrayList<>();
        for (Hit<ArticleDocument> hit : response.hits().hits()) {
            ArticleDocument d = hit.source();
            if (d != null) {
                articles.add(new SearchResult.Hit(d.id(), d.title(), d.url(), d.source(), d.publishedAt(),
                        d.receivedAt(), Map.of(), ArticleSearch.entities(d), new SearchResult.StoryRef(id, size)));
            }
        }
        return articles;
    }

    /** {@code PERSON:person:x} → {@code person:x}: entityTypeIds prefix the type to the id. */
    static String entityId(String typeId) {
        int colon = typeId.indexOf(':');
        return colon < 0 ? typeId : typeId.substring(colon + 1);
    }

    private static Instant instant(Aggregate agg) {
        if (agg == null) {
            return null;
        }
        double v = agg.isMin() ? agg.min().value() : agg.max().value();
        return Double.isFinite(v) ? Instant.ofEpochMilli((long) v) : null;
    }
}
