package newsroom.search.story.repository;

import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ID;
import static newsroom.search.repository.ArticleFields.STORY_ID;
import static newsroom.search.repository.ArticleFields.STORY_KEYS;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.repository.ArticleIndex;
import newsroom.search.story.config.StoryConfig;

/**
 * Story state in Elasticsearch: the {@code storyId} and {@code storyKeys} of article documents in the write index,
 * and the {@code <write index>-stories} index (one entry per story: when it began, where it was merged into). Every
 * read is bounded, by ids; the search for candidates is {@link StoryCandidateSearch}.
 */
@ApplicationScoped
public class StoryStore {
    private static final Logger LOG = Logger.getLogger(StoryStore.class);
    private static final String STORIES_MAPPING = """
            {"dynamic": "strict", "properties": {"id": {"type": "keyword"}, "firstSeen": {"type": "date"},
             "firstArticle": {"type": "keyword"}, "mergedInto": {"type": "keyword"}, "mergedAt": {"type": "date"}}}""";

    static final int MERGE_PAGE = 1000;
    static final int MAX_MERGE_PAGES = 100;

    /** Story entries kept in memory at most (about 200 bytes each). */
    static final int CACHED_RECORDS = 50_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final StoryRecordCache cache;
    private volatile boolean prepared;

    @Inject
    public StoryStore(ElasticsearchClient client, ArticleIndex index, StoryConfig config) {
        this(client, index, new StoryRecordCache(config.recordCache(), CACHED_RECORDS, Clock.systemUTC()));
    }

    /** Every entry read from Elasticsearch, none kept. */
    public StoryStore(ElasticsearchClient client, ArticleIndex index) {
        this(client, index, new StoryRecordCache(Duration.ZERO, 0, Clock.systemUTC()));
    }

    StoryStore(ElasticsearchClient client, ArticleIndex index, StoryRecordCache cache) {
        this.client = client;
        this.index = index;
        this.cache = cache;
    }

    /** The stories index belongs to the article index version it describes (a new version rebuilds both). */
    public String storiesIndex() {
        return index.writeIndex() + "-stories";
    }

    public void prepare() throws IOException {
        if (prepared) {
            return;
        }
        if (!client.indices().exists(e -> e.index(storiesIndex())).value()) {
            try {
                client.indices().create(c -> c.index(storiesIndex())
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                        .mappings(m -> m.withJson(new StringReader(STORIES_MAPPING))));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        prepared = true;
    }

    /** The story and keys of those articles already indexed (real-time: also what is not yet refreshed). */
    public Map<String, Candidate> existing(Collection<String> ids) throws IOException {
        Map<String, Candidate> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        MgetResponse<Source> response = client.mget(m -> m.index(index.writeIndex()).ids(List.copyOf(ids))
                .sourceIncludes(ID, STORY_ID, DATE, STORY_KEYS), Source.class);
        for (MultiGetResponseItem<Source> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                Source s = item.result().source();
                found.put(item.result().id(), new Candidate(item.result().id(), s.storyId(), s.date(), s.storyKeys()));
            }
        }
        return found;
    }

    /** The entries of these stories as they are now (real-time): what a reader of a story id needs. */
    public Map<String, StoryRecord> stories(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        prepare();
        return read(storiesIndex(), ids);
    }

    /**
     * The entries of these stories for story assignment: real-time, or read or written at most
     * {@link StoryConfig#recordCache()} ago. Only the assigner (the indexer's one worker thread, which also applies
     * its merges) reads through here, so no entry it read before one of its merges outlives that merge, which drops it.
     */
    public Map<String, StoryRecord> storiesForAssigning(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        prepare();
        String stories = storiesIndex();
        Map<String, StoryRecord> found = cache.fresh(stories, ids);
        List<String> toRead = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!toRead.isEmpty()) {
            Map<String, StoryRecord> read = read(stories, toRead);
            cache.hold(stories, read.values());
            found.putAll(read);
        }
        return found;
    }

    private Map<String, StoryRecord> read(String stories, Collection<String> ids) throws IOException {
        Map<String, StoryRecord> found = new HashMap<>();
        MgetResponse<StoryRecord> response = client.mget(m -> m.index(stories).ids(List.copyOf(ids)),
                StoryRecord.class);
        for (MultiGetResponseItem<StoryRecord> item : response.docs()) {
            if (item.isResult()) {
                GetResult<StoryRecord> r = item.result();
                if (r.found() && r.source() != null) {
                    found.put(r.id(), r.source());
                }
            }
        }
        return found;
    }

    /** New stories' entries; one that exists already (a replay, another instance) is left as it is. */
    public void create(Collection<StoryRecord> stories) throws IOException {
        if (stories.isEmpty()) {
            return;
        }
        List<BulkOperation> ops = new ArrayList<>();
        for (StoryRecord s : stories) {
            ops.add(BulkOperation.of(o -> o.create(c -> c.index(storiesIndex()).id(s.id()).document(s))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        Set<String> written = new HashSet<>();
        for (var item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new IOException("creating story " + item.id() + " failed: " + item.error().reason());
            }
            if (item.error() == null) {
                written.add(item.id());
            }
        }
        // One that existed already (409) may be another's, or merged since: read it when it is asked for
        cache.hold(storiesIndex(), stories.stream().filter(s -> written.contains(s.id())).toList());
    }

    /**
     * Records the merge and moves the absorbed story's articles to the survivor, a page at a time until none is left,
     * so a merge applied twice changes nothing. Partial updates found by a search rather than update-by-query: the
     * test stack's Elasticsearch (the integration-test distribution) has no reindex module, and this works on both.
     */
    public void merge(String absorbed, String survivor, Instant at) throws IOException {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", absorbed);
        entry.put("mergedInto", survivor);
        entry.put("mergedAt", at.toString());
        client.update(u -> u.index(storiesIndex()).id(absorbed).doc(entry).upsert(entry), Map.class);
        cache.forget(absorbed);
        refresh();
        Map<String, Object> repointed = Map.of(STORY_ID, survivor);
        for (int page = 0; page < MAX_MERGE_PAGES; page++) {
            SearchResponse<Void> found = client.search(s -> s.index(index.writeIndex())
                    .query(q -> q.term(t -> t.field(STORY_ID).value(absorbed))).size(MERGE_PAGE).source(f -> f
                            .fetch(false)).trackTotalHits(t -> t.enabled(false)), Void.class);
            if (found.hits().hits().isEmpty()) {
                return;
            }
            List<BulkOperation> ops = new ArrayList<>();
            for (Hit<Void> hit : found.hits().hits()) {
                ops.add(BulkOperation.of(o -> o.update(u -> u.index(index.writeIndex()).id(hit.id())
                        .retryOnConflict(3).action(a -> a.doc(repointed)))));
            }
            BulkResponse response = client.bulk(b -> b.operations(ops));
            for (var item : response.items()) {
                if (item.error() != null && item.status() != 404) {
                    throw new IOException("re-pointing " + item.id() + " to story " + survivor + " failed: "
                            + item.error().reason());
                }
            }
            refresh();
        }
        LOG.warnf("story %s still has articles after %d pages of re-pointing; the next merge goes on", absorbed,
                MAX_MERGE_PAGES);
    }

    /** Only a merge forces one (rare): its search must see every article of the absorbed story. */
    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index.writeIndex()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String id, String storyId, Instant date, StoryKeys storyKeys) {
    }
}
