package newsroom.search.story.repository;

import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ID;
import static newsroom.search.repository.ArticleFields.STORY_ID;
import static newsroom.search.repository.ArticleFields.STORY_KEYS;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.repository.StoryKeysCodec;

/**
 * The indexed articles most like each of a batch's new articles, top-k inside the time window, in one request for the
 * whole batch, since per-article requests cost Elasticsearch and this service more in HTTP handling than in the work
 * itself. (Their words' statistics come from {@link TermStatsReader}.)
 */
@ApplicationScoped
public class StoryCandidateSearch {
    /** What a candidate is read from: doc values, never the hit's _source. */
    private static final List<FieldAndFormat> DOC_VALUES = List.of(FieldAndFormat.of(f -> f.field(ID)),
            FieldAndFormat.of(f -> f.field(STORY_ID)), FieldAndFormat.of(f -> f.field(DATE).format("epoch_millis")),
            FieldAndFormat.of(f -> f.field(STORY_KEYS)));

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public StoryCandidateSearch(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** What to find candidates for: an article, its date and its keys. */
    public record CandidateQuery(String articleId, Instant date, StoryKeys keys) {
    }

    /**
     * For each query, the indexed articles with a story most like its article within {@code window} of its date: its
     * entities and keywords as weighted terms, the best {@code size} of them; one multi-search for all.
     */
    public List<List<Candidate>> candidates(List<CandidateQuery> queries, Duration window, int size, int keywords)
            throws IOException {
        List<List<Candidate>> out = new ArrayList<>(queries.size());
        List<RequestItem> searches = new ArrayList<>();
        List<Integer> searched = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            out.add(List.of());
            Query query = candidateQuery(queries.get(i), window, keywords);
            if (query != null) {
                searched.add(i);
                // Doc values only: no hit's _source is decompressed and parsed (a quarter of Elasticsearch's CPU)
                searches.add(RequestItem.of(r -> r.header(h -> h.index(index.writeIndex())).body(b -> b.query(query)
                        .size(size).trackTotalHits(t -> t.enabled(false)).source(src -> src.fetch(false))
                        .storedFields("_none_").docvalueFields(DOC_VALUES))));
            }
        }
        if (searches.isEmpty()) {
            return out;
        }
        MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
        for (int i = 0; i < searched.size(); i++) {
            MultiSearchResponseItem<Void> item = response.responses().get(i);
            if (item.isFailure()) {
                throw new IOException("story candidate search failed: " + item.failure().error().type() + ": "
                        + item.failure().error().reason());
            }
            out.set(searched.get(i), candidates(item.result().hits().hits()));
        }
        return out;
    }

    /** Null when the article has no keys to search by. */
    static Query candidateQuery(CandidateQuery q, Duration window, int keywords) {
        List<Query> should = new ArrayList<>();
        q.keys().entities().forEach((id, w) -> should.add(term(ENTITY_IDS, id, w)));
        // The body only: a clause costs a term lookup in every segment whatever it matches, and a title's words are
        // nearly always its body's too, so title clauses doubled the search for little.
        q.keys().terms().entrySet().stream().sorted(StoryKeys.HEAVIEST_FIRST).limit(keywords)
                .forEach(e -> should.add(term(BODY_FOLDED, e.getKey(), e.getValue())));
        if (should.isEmpty()) {
            return null;
        }
        return Query.of(x -> x.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field(DATE).gte(q.date().minus(window).toString())
                        .lte(q.date().plus(window).toString()))))
                .filter(f -> f.exists(e -> e.field(STORY_ID)))
                .mustNot(n -> n.ids(i -> i.values(q.articleId())))
                .should(should).minimumShouldMatch("1")));
    }

    private static List<Candidate> candidates(List<Hit<Void>> hits) {
        List<Candidate> out = new ArrayList<>();
        for (Hit<Void> hit : hits) {
            String id = first(hit, ID);
            String storyId = first(hit, STORY_ID);
            String millis = first(hit, DATE);
            String keys64 = first(hit, STORY_KEYS);
            if (id != null && storyId != null && keys64 != null) {
                out.add(new Candidate(id, storyId, millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis)),
                        StoryKeysCodec.decode(keys64)));
            }
        }
        return out;
    }

    /** A single-valued doc value field of a hit (a date comes as a number), or null. */
    private static String first(Hit<Void> hit, String field) {
        JsonData data = hit.fields().get(field);
        if (data == null) {
            return null;
        }
        for (JsonValue v : data.toJson().asJsonArray()) {
            if (v instanceof JsonString str) {
                return str.getString();
            } else if (v instanceof JsonNumber n) {
                return n.toString();
            }
        }
        return null;
    }

    private static Query term(String field, String value, double boost) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)).boost((float) boost)));
    }
}
