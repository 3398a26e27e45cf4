package newsroom.search.story.service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;
import newsroom.search.story.repository.Candidate;
import newsroom.search.story.repository.StoryCandidateSearch;
import newsroom.search.story.repository.StoryRecord;
import newsroom.search.story.repository.StoryStore;
import newsroom.search.story.repository.TermStats;
import newsroom.search.story.repository.TermStatsReader;

/**
 * Online story assignment, one indexer batch at a time, in the batch's order: an article already indexed keeps its
 * story; any other is compared with the bounded set of candidate articles around its date (and with the batch's
 * earlier articles) and joins the story it is most like, starts {@code s-<its id>}, or, when it is alike enough to
 * two stories, merges them into the older one. Decisions are made before the bulk request (each document is written
 * once, with its story); {@link StoryBatch#apply()} records them after it. No refresh is forced: the articles this
 * instance indexed lately come from {@link RecentStories} until the index's own refresh makes them searchable.
 */
@ApplicationScoped
public class StoryAssigner {
    public static final String ID_PREFIX = "s-";
    /** Merges followed from one story to its survivor, at most (a chain longer than this is a bug, not data). */
    private static final int MAX_HOPS = 8;

    private final StoryStore store;
    private final TermStatsReader termStats;
    private final StoryCandidateSearch search;
    private final RecentStories recent;
    private final StoryConfig config;
    private final StoryKeysBuilder keys;
    private final StoryMatcher matcher;

    public StoryAssigner(StoryStore store, TermStatsReader termStats, StoryCandidateSearch search,
            RecentStories recent, StoryConfig config) {
        this.store = store;
        this.termStats = termStats;
        this.search = search;
        this.recent = recent;
        this.config = config;
        this.keys = new StoryKeysBuilder(config.keywords(), config.entities());
        this.matcher = new StoryMatcher(config);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The documents with their stories, in order, and what to record once they are indexed. */
    public StoryBatch assign(List<ArticleDocument> docs) throws IOException {
        if (!config.enabled() || docs.isEmpty()) {
            return new StoryBatch(store, recent, docs, Map.of(), Map.of());
        }
        store.prepare();
        List<String> ids = docs.stream().map(ArticleDocument::id).toList();
        Map<String, Candidate> existing = new HashMap<>(recent.known(ids));
        store.existing(ids).forEach(existing::putIfAbsent);
        State state = new State();
        Prepared prepared = prepare(docs, existing, state);
        List<ArticleDocument> out = new ArrayList<>(docs.size());
        for (ArticleDocument doc : docs) {
            Candidate known = state.byArticle.containsKey(doc.id()) ? state.byArticle.get(doc.id())
                    : existing.get(doc.id());
            ArticleDocument assigned;
            if (known != null && known.storyId() != null) {
                StoryKeys k = known.keys() != null ? known.keys() : prepared.keys().get(doc.id());
                assigned = doc.withStory(known.storyId(), k == null ? new StoryKeys(Map.of(), Map.of()) : k);
            } else {
                assigned = assignNew(doc, state, prepared);
            }
            state.remember(new Candidate(assigned.id(), assigned.storyId(), assigned.date(), assigned.storyKeys()));
            out.add(assigned);
        }
        List<ArticleDocument> resolved = new ArrayList<>(out.size());
        for (ArticleDocument doc : out) {
            String story = state.root(doc.storyId());
            resolved.add(story.equals(doc.storyId()) ? doc : doc.withStory(story, doc.storyKeys()));
        }
        Map<String, String> merges = new LinkedHashMap<>();
        state.toApply.forEach((absorbed, into) -> merges.put(absorbed, state.root(into)));
        return new StoryBatch(store, recent, resolved, state.created, merges);
    }

    /**
     * @param keys article id → its keys (absent: Elasticsearch cannot analyse its text)
     * @param searched article id → the candidates the index gave for it
     */
    private record Prepared(Map<String, StoryKeys> keys, Map<String, List<Candidate>> searched) {
    }

    /**
     * The keys and searched candidates of every article of the batch that needs them, in one term-vector and one
     * search request for the whole batch (the index is the same for all of them: what this batch decides is added
     * per article from {@link State}), and the stories of those candidates.
     */
    private Prepared prepare(List<ArticleDocument> docs, Map<String, Candidate> existing, State state)
            throws IOException {
        Map<String, ArticleDocument> needKeys = new LinkedHashMap<>();
        for (ArticleDocument doc : docs) {
            Candidate known = existing.get(doc.id());
            if (known == null || known.storyId() == null || known.keys() == null) {
                needKeys.putIfAbsent(doc.id(), doc);
            }
        }
        List<ArticleDocument> toAnalyse = List.copyOf(needKeys.values());
        List<TermStats> stats = termStats.termStats(toAnalyse);
        Map<String, StoryKeys> keysOf = new HashMap<>();
        List<StoryCandidateSearch.CandidateQuery> queries = new ArrayList<>();
        for (int i = 0; i < toAnalyse.size(); i++) {
            ArticleDocument doc = toAnalyse.get(i);
            if (stats.get(i) == null) {
                continue;
            }
            StoryKeys k = keys.build(doc, stats.get(i));
            keysOf.put(doc.id(), k);
            Candidate known = existing.get(doc.id());
            if (known == null || known.storyId() == null) {
                queries.add(new StoryCandidateSearch.CandidateQuery(doc.id(), doc.date(), k));
            }
        }
        List<List<Candidate>> found = search.candidates(queries, config.window(), config.candidates(),
                config.searchedKeywords());
        Map<String, List<Candidate>> searched = new HashMap<>();
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            searched.put(queries.get(i).articleId(), found.get(i));
            all.addAll(found.get(i));
        }
        learnStories(all, all, state);
        return new Prepared(keysOf, searched);
    }

    private ArticleDocument assignNew(ArticleDocument doc, State state, Prepared prepared) throws IOException {
        StoryKeys k = prepared.keys().get(doc.id());
        if (k == null) {
            // Elasticsearch cannot analyse this article's text: a story of its own, found by nobody
            String story = ID_PREFIX + doc.id();
            state.created.put(story, new StoryRecord(story, doc.date(), doc.id(), null, null));
            return doc.withStory(story, new StoryKeys(Map.of(), Map.of()));
        }
        Instant date = doc.date();
        List<Candidate> searched = prepared.searched().getOrDefault(doc.id(), List.of());
        // the same article found twice: the newest word on its story wins (this batch, then lately indexed, then search)
        Map<String, Candidate> byId = new LinkedHashMap<>();
        searched.forEach(c -> byId.put(c.id(), c));
        // as many as the search gives, the most alike first, as the search would have ranked them
        record Alike(Candidate candidate, double overlap) {
        }
        recent.near(doc.id(), date, config.window(), k).stream().map(c -> new Alike(c, overlap(c.keys(), k)))
                .filter(a -> a.overlap() > 0).sorted(Comparator.comparingDouble(a -> -a.overlap()))
                .limit(config.candidates()).forEach(a -> byId.put(a.candidate().id(), a.candidate()));
        for (Candidate c : state.byArticle.values()) {
            if (!c.id().equals(doc.id()) && c.within(date, config.window())) {
                byId.put(c.id(), c);
            }
        }
        List<Candidate> candidates = new ArrayList<>(byId.values());
        learnStories(candidates, searched, state);
        StoryMatcher.Stories stories = new StoryMatcher.Stories();
        for (Candidate c : candidates) {
            if (c.storyId() != null && c.keys() != null) {
                stories.add(state.root(c.storyId()), c.keys(),
                        c.date() == null ? null : Duration.between(date, c.date()).abs());
            }
        }
        StoryMatcher.Decision decision = matcher.decide(k, stories,
                Comparator.comparing(state::record, StoryRecord.AGE));
        if (decision.target() == null) {
            String story = ID_PREFIX + doc.id();
            state.created.put(story, new StoryRecord(story, date, doc.id(), null, null));
            state.records.put(story, state.created.get(story));
            return doc.withStory(story, k);
        }
        for (String absorbed : decision.absorbed()) {
            state.merges.put(absorbed, decision.target());
            state.toApply.put(absorbed, decision.target());
        }
        return doc.withStory(decision.target(), k);
    }

    /** The weights two articles share (entities and keywords): 0 when a remembered one cannot be a candidate. */
    private static double overlap(StoryKeys a, StoryKeys b) {
        if (a == null || b == null) {
            return 0;
        }
        return StorySimilarity.dot(a.entities(), b.entities()) + StorySimilarity.dot(a.terms(), b.terms());
    }

    /**
     * Reads the entries of the candidates' stories and follows merges to the living story. A searched candidate still
     * in an absorbed story (another instance wrote it while the merge was re-pointing) is re-pointed again: the merge
     * heals. (A remembered one only holds the story this instance gave it; the index may have moved on.)
     */
    private void learnStories(List<Candidate> candidates, List<Candidate> searched, State state) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.storyId() != null && !state.records.containsKey(c.storyId())) {
                wanted.add(c.storyId());
            }
        }
        for (int hop = 0; hop < MAX_HOPS && !wanted.isEmpty(); hop++) {
            Map<String, StoryRecord> found = store.storiesForAssigning(wanted);
            Set<String> next = new HashSet<>();
            for (String id : wanted) {
                StoryRecord r = found.getOrDefault(id, new StoryRecord(id, null, null, null, null));
                state.records.put(id, r);
                if (r.mergedInto() != null) {
                    state.merges.putIfAbsent(id, r.mergedInto());
                    if (!state.records.containsKey(r.mergedInto())) {
                        next.add(r.mergedInto());
                    }
                }
            }
            wanted = next;
        }
        for (Candidate c : searched) {
            StoryRecord r = c.storyId() == null ? null : state.records.get(c.storyId());
            if (r != null && r.mergedInto() != null) {
                state.toApply.put(c.storyId(), r.mergedInto());
            }
        }
    }

    private static final class State {
        final Map<String, Candidate> byArticle = new LinkedHashMap<>();
        final Map<String, StoryRecord> records = new HashMap<>();
        final Map<String, StoryRecord> created = new LinkedHashMap<>();
        /** absorbed story → the story it went into (from this batch, or learnt from the stories index) */
        final Map<String, String> merges = new LinkedHashMap<>();
        /** the merges this batch decided, and those it found not applied to every article yet */
        final Map<String, String> toApply = new LinkedHashMap<>();

        void remember(Candidate c) {
            byArticle.put(c.id(), c);
        }

        String root(String story) {
            String at = story;
            for (int hop = 0; hop < MAX_HOPS && merges.containsKey(at); hop++) {
                at = merges.get(at);
            }
            return at;
        }

        StoryRecord record(String story) {
            return records.getOrDefault(story, new StoryRecord(story, null, null, null, null));
        }
    }
}
