package newsroom.search.story.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;
import newsroom.search.story.repository.Candidate;

/**
 * The articles this instance indexed in the last {@link StoryConfig#recent()}, with their stories: what the next
 * batches compare with before Elasticsearch's own refresh makes them searchable. It replaces a forced refresh after
 * every batch, which cost Elasticsearch about 21 ms of CPU per article. Another instance's articles become candidates
 * at the index's refresh interval; a story split in that second heals through the merge rule.
 *
 * <p>The remembered articles are also listed by entity and by keyword, so that an article is compared only with
 * those it shares one with: at tens of articles a second, comparing it with every article of the last
 * {@link StoryConfig#recent()} was the assigner's largest cost.
 */
@ApplicationScoped
public class RecentStories {
    private final Duration retention;
    private final int capacity;
    private final Clock clock;
    /** article id → entry, oldest first */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    /** entity id → the remembered articles naming it; keyword → those having it */
    private final Map<String, Set<String>> byEntity = new HashMap<>();
    private final Map<String, Set<String>> byTerm = new HashMap<>();
    /** Numbers entries in the order remembered: lists come oldest first. */
    private long remembered;

    @Inject
    public RecentStories(StoryConfig config) {
        this(config.recent(), config.recentCapacity(), Clock.systemUTC());
    }

    RecentStories(Duration retention, int capacity, Clock clock) {
        this.retention = retention;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Remembers articles just written with their stories (those without a story are not candidates). */
    public synchronized void remember(Collection<Candidate> indexed) {
        Instant now = clock.instant();
        for (Candidate c : indexed) {
            if (c.storyId() != null && c.keys() != null) {
                forget(c.id()); // re-inserted as the newest
                entries.put(c.id(), new Entry(c, now, remembered++));
                list(c.id(), c.keys().entities(), byEntity);
                list(c.id(), c.keys().terms(), byTerm);
            }
        }
        expire(now);
    }

    /** These articles' entries, where remembered (a batch retried before its articles are searchable). */
    public synchronized Map<String, Candidate> known(Collection<String> ids) {
        expire(clock.instant());
        Map<String, Candidate> found = new HashMap<>();
        for (String id : ids) {
            Entry e = entries.get(id);
            if (e != null) {
                found.put(id, e.candidate());
            }
        }
        return found;
    }

    /**
     * The remembered articles other than {@code articleId}, dated within {@code window} of {@code date}, that share an
     * entity or a keyword with {@code keys} (the others cannot be alike), oldest first.
     */
    public synchronized List<Candidate> near(String articleId, Instant date, Duration window, StoryKeys keys) {
        expire(clock.instant());
        Set<String> sharing = new HashSet<>();
        collect(keys.entities(), byEntity, sharing);
        collect(keys.terms(), byTerm, sharing);
        sharing.remove(articleId);
        List<Entry> found = new ArrayList<>(sharing.size());
        for (String id : sharing) {
            Entry e = entries.get(id);
            if (e.candidate().within(date, window)) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparingLong(Entry::order));
        return found.stream().map(Entry::candidate).toList();
    }

    private static void collect(Map<String, Double> keys, Map<String, Set<String>> lists, Set<String> out) {
        if (keys != null) {
            keys.keySet().forEach(k -> out.addAll(lists.getOrDefault(k, Set.of())));
        }
    }

    private static void list(String id, Map<String, Double> keys, Map<String, Set<String>> lists) {
        if (keys != null) {
            keys.keySet().forEach(k -> lists.computeIfAbsent(k, x -> new HashSet<>()).add(id));
        }
    }

    private static void unlist(String id, Map<String, Double> keys, Map<String, Set<String>> lists) {
        if (keys != null) {
            keys.keySet().forEach(k -> {
                Set<String> ids = lists.get(k);
                if (ids != null && ids.remove(id) && ids.isEmpty()) {
                    lists.remove(k);
                }
            });
        }
    }

    private void forget(String id) {
        Entry e = entries.remove(id);
        if (e != null) {
            unlist(e.candidate());
        }
    }

    /** Takes a forgotten article off the entity and keyword lists. */
    private void unlist(Candidate c) {
        unlist(c.id(), c.keys().entities(), byEntity);
        unlist(c.id(), c.keys().terms(), byTerm);
    }

    /** A merge applied: the remembered articles of the absorbed story are the survivor's now. */
    public synchronized void repoint(String absorbed, String survivor) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Candidate c = e.getValue().candidate();
            if (absorbed.equals(c.storyId())) {
                e.setValue(new Entry(new Candidate(c.id(), survivor, c.date(), c.keys()), e.getValue().at(),
                        e.getValue().order()));
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(retention);
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.at().isBefore(oldest) || entries.size() > capacity) {
                it.remove();
                unlist(e.candidate());
            } else {
                break;
            }
        }
    }

    private record Entry(Candidate candidate, Instant at, long order) {
    }
}
