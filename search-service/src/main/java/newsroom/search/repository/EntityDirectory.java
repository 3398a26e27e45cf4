package newsroom.search.repository;

import static newsroom.search.repository.ArticleFields.ENTITIES;
import static newsroom.search.repository.ArticleFields.ENTITY_ID;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ENTITY_NAME;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.search.IndexedBatch;

/**
 * Canonical names of entity ids. The flat {@code entityTypeIds} facets carry ids only; names come from what this
 * instance indexed or saw in hits, else from one nested aggregation over the index, and are kept in memory.
 */
@ApplicationScoped
public class EntityDirectory {
    private static final int MAX_CACHED = 200_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public EntityDirectory(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    void learn(@Observes IndexedBatch batch) {
        for (EnrichedArticle article : batch.articles()) {
            for (ArticleEntity e : article.entities()) {
                if (e != null && e.id() != null && e.name() != null) {
                    remember(e.id(), e.name());
                }
            }
        }
    }

    public void remember(String id, String name) {
        if (names.size() >= MAX_CACHED) {
            names.clear(); // crude bound: the cache refills from the index on demand
        }
        names.put(id, name);
    }

    /** Names for the ids; an id the index does not know maps to itself. */
    public Map<String, String> namesOf(Collection<String> ids) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            String name = names.get(id);
            if (name == null) {
                missing.add(id);
            } else {
                out.put(id, name);
            }
        }
        if (!missing.isEmpty()) {
            List<FieldValue> values = missing.stream().map(FieldValue::of).toList();
            SearchResponse<Void> response = client.search(s -> s.index(index.alias()).size(0)
                    .query(q -> q.terms(t -> t.field(ENTITY_IDS).terms(v -> v.value(values))))
                    .aggregations("e", a -> a.nested(n -> n.path(ENTITIES))
                            .aggregations("f", f -> f.filter(q -> q.terms(t -> t.field(ENTITY_ID)
                                    .terms(v -> v.value(values))))
                                    .aggregations("ids", i -> i.terms(t -> t.field(ENTITY_ID).size(values.size()))
                                            .aggregations("names", n -> n.terms(t -> t.field(ENTITY_NAME).size(1)))))),
                    Void.class);
            for (StringTermsBucket bucket : response.aggregations().get("e").nested().aggregations().get("f").filter()
                    .aggregations().get("ids").sterms().buckets().array()) {
                List<StringTermsBucket> top = bucket.aggregations().get("names").sterms().buckets().array();
                if (!top.isEmpty()) {
                    remember(bucket.key().stringValue(), top.get(0).key().stringValue());
                    out.put(bucket.key().stringValue(), top.get(0).key().stringValue());
                }
            }
            for (String id : missing) {
                out.putIfAbsent(id, id);
            }
        }
        return out;
    }
}
