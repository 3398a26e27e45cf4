package newsroom.search.service;

import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITIES;
import static newsroom.search.repository.ArticleFields.ENTITY_ALIASES;
import static newsroom.search.repository.ArticleFields.ENTITY_ALIASES_FOLDED;
import static newsroom.search.repository.ArticleFields.ENTITY_COUNT;
import static newsroom.search.repository.ArticleFields.ENTITY_ID;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ENTITY_NAME;
import static newsroom.search.repository.ArticleFields.ENTITY_NAME_FOLDED;
import static newsroom.search.repository.ArticleFields.ENTITY_SALIENCE;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPE;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPE_IDS;
import static newsroom.search.repository.ArticleFields.ID;
import static newsroom.search.repository.ArticleFields.PUBLISHED_AT;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.TITLE;
import static newsroom.search.repository.ArticleFields.URL;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.EntityProfile;
import newsroom.search.InvalidQueryException;
import newsroom.search.SearchResult;
import newsroom.support.text.TextFolding;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.EntityDirectory;

/** Entity suggestions and profiles, computed from the articles in the index (nested entity objects). */
@ApplicationScoped
public class EntityCatalog {
    static final int MAX_SUGGESTIONS = 50;
    static final int COOCCURRING = 15;
    static final int ALIASES = 30;
    static final int RECENT = 10;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final EntityDirectory directory;

    public EntityCatalog(ElasticsearchClient client, ArticleIndex index, EntityDirectory directory) {
        this.client = client;
        this.index = index;
        this.directory = directory;
    }

    /**
     * Entities whose canonical name or any mention text has words starting like the prefix (accents and case
     * ignored), most mentioned first. Each nested entity is one article, so its count is an article count.
     */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = InvalidQueryException.class)
    public List<EntityProfile.Suggestion> suggest(String prefix, String type, int size) throws IOException {
        String folded = TextFolding.key(prefix == null ? "" : prefix.strip());
        if (folded.isEmpty()) {
            throw new InvalidQueryException(List.of("prefix: must not be blank"));
        }
        if (folded.length() > 100) {
            throw new InvalidQueryException(List.of("prefix: at most 100 characters"));
        }
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new InvalidQueryException(List.of("size: must be between 1 and " + MAX_SUGGESTIONS));
        }
        Query match = Query.of(q -> q.bool(b -> {
            b.should(s -> s.matchBoolPrefix(m -> m.field(ENTITY_NAME_FOLDED).query(folded).operator(Operator.And)))
                    .should(s -> s.matchBoolPrefix(m -> m.field(ENTITY_ALIASES_FOLDED).query(folded)
                            .operator(Operator.And)))
                    .minimumShouldMatch("1");
            if (type != null) {
                b.filter(f -> f.term(t -> t.field(ENTITY_TYPE).value(type)));
            }
            return b;
        }));
        SearchResponse<Void> response = client.search(s -> s.index(index.alias()).size(0)
                .query(q -> q.nested(n -> n.path(ENTITIES).query(match)))
                .aggregations("e", a -> a.nested(n -> n.path(ENTITIES))
                        .aggregations("f", f -> f.filter(match)
                                .aggregations("ids", i -> i.terms(t -> t.field(ENTITY_ID).size(size))
                                        .aggregations("name", n -> n.terms(t -> t.field(ENTITY_NAME).size(1)))
                                        .aggregations("type", n -> n.terms(t -> t.field(ENTITY_TYPE).size(1)))))),
                Void.class);
        List<EntityProfile.Suggestion> out = new ArrayList<>();
        for (StringTermsBucket b : response.aggregations().get("e").nested().aggregations().get("f").filter()
                .aggregations().get("ids").sterms().buckets().array()) {
            String id = b.key().stringValue();
            out.add(new EntityProfile.Suggestion(id, first(b.aggregations().get("name"), id),
                    first(b.aggregations().get("type"), null), b.docCount()));
        }
        return out;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000)
    public Optional<EntityProfile> profile(String id) throws IOException {
        Query mentions = Query.of(q -> q.term(t -> t.field(ENTITY_IDS).value(id)));
        Query self = Query.of(q -> q.term(t -> t.field(ENTITY_ID).value(id)));
        SearchResponse<ArticleDocument> response = client.search(s -> s.index(index.alias()).size(RECENT)
                .query(mentions)
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field(DATE).order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes(ID, TITLE, URL, SOURCE, PUBLISHED_AT)))
                .aggregations("first", a -> a.min(m -> m.field(DATE)))
                .aggregations("last", a -> a.max(m -> m.field(DATE)))
                .aggregations("days", ArticleSearch.dailyHistogram())
                .aggregations("co", a -> a.terms(t -> t.field(ENTITY_TYPE_IDS).size(COOCCURRING + 1)))
                .aggregations("e", a -> a.nested(n -> n.path(ENTITIES))
                        .aggregations("self", f -> f.filter(self)
                                .aggregations("name", n -> n.terms(t -> t.field(ENTITY_NAME).size(1)))
                                .aggregations("type", n -> n.terms(t -> t.field(ENTITY_TYPE).size(1)))
                                .aggregations("aliases", n -> n.terms(t -> t.field(ENTITY_ALIASES).size(ALIASES)))
                                .aggregations("mentions", n -> n.sum(m -> m.field(ENTITY_COUNT)))
                                .aggregations("salience", n -> n.avg(m -> m.field(ENTITY_SALIENCE))))),
                ArticleDocument.class);
        long articles = response.hits().total() == null ? 0 : response.hits().total().value();
        if (articles == 0) {
            return Optional.empty();
        }
        var aggs = response.aggregations();
        Instant first = instant(aggs.get("first").min().value());
        Instant last = instant(aggs.get("last").max().value());
        var selfAggs = aggs.get("e").nested().aggregations().get("self").filter().aggregations();
        String name = first(selfAggs.get("name"), id);
        String type = first(selfAggs.get("type"), null);
        directory.remember(id, name);
        List<EntityProfile.AliasCount> aliases = selfAggs.get("aliases").sterms().buckets().array().stream()
                .map(b -> new EntityProfile.AliasCount(b.key().stringValue(), b.docCount())).toList();
        double mentionSum = selfAggs.get("mentions").sum().value();
        Double salience = selfAggs.get("salience").avg().value();

        List<StringTermsBucket> coBuckets = aggs.get("co").sterms().buckets().array().stream()
                .filter(b -> !ArticleSearch.idOf(b.key().stringValue()).equals(id)).limit(COOCCURRING).toList();
        var names = directory.namesOf(coBuckets.stream().map(b -> ArticleSearch.idOf(b.key().stringValue())).toList());
        List<SearchResult.EntityCount> cooccurring = coBuckets.stream().map(b -> {
            String key = b.key().stringValue();
            String coId = ArticleSearch.idOf(key);
            return new SearchResult.EntityCount(coId, names.getOrDefault(coId, coId),
                    key.substring(0, key.indexOf(':')), b.docCount());
        }).toList();

        DateBuckets.Chart timeline = DateBuckets.chart(ArticleSearch.days(aggs.get("days")), null, null);
        List<EntityProfile.ArticleRef> recent = new ArrayList<>();
        for (Hit<ArticleDocument> hit : response.hits().hits()) {
            ArticleDocument d = hit.source();
            if (d != null) {
                recent.add(new EntityProfile.ArticleRef(d.id(), d.title(), d.url(), d.source(), d.publishedAt()));
            }
        }
        return Optional.of(new EntityProfile(id, name, type, articles, Math.round(mentionSum),
                salience == null || salience.isNaN() ? null : salience, first, last, aliases, timeline.buckets(),
                timeline.interval(), cooccurring, recent));
    }

    private static String first(Aggregate terms, String fallback) {
        List<StringTermsBucket> buckets = terms.sterms().buckets().array();
        return buckets.isEmpty() ? fallback : buckets.get(0).key().stringValue();
    }

    private static Instant instant(Double epochMillis) {
        return epochMillis == null || epochMillis.isNaN() || epochMillis.isInfinite() ? null
                : Instant.ofEpochMilli(epochMillis.longValue());
    }
}
