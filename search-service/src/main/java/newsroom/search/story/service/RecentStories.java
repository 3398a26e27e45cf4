package newsroom.search.story.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsroom.search.story.config.StoryConfig;
import newsroom.search.story.repository.Candidate;

/**
 * The articles this instance indexed in the last {@link StoryConfig#recent()}, with their stories: what the next
 * batches compare with before Elasticsearch's own refresh makes them searchable. It replaces a forced refresh after
 * every batch, which cost Elasticsearch about 21 ms of CPU per article. Another instance's articles become candidates
 * at the index's refresh interval; a story split in that second heals through the merge rule.
 */
@ApplicationScoped
public class RecentStories {
    private final Duration retention;
    private final int capacity;
    private final Clock clock;
    /** article id → entry, oldest first */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

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
                entries.remove(c.id()); // re-inserted as the newest
                entries.put(c.id(), new Entry(c, now));
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

    /** The remembered articles other than {@code articleId}, dated within {@code window} of {@code date}. */
    public synchronized List<Candidate> near(String articleId, Instant date, Duration window) {
        expire(clock.instant());
        List<Candidate> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            Candidate c = e.candidate();
            if (!c.id().equals(articleId) && c.within(date, window)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A merge applied: the remembered articles of the absorbed story are the survivor's now. */
    public synchronized void repoint(String absorbed, String survivor) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Candidate c = e.getValue().candidate();
            if (absorbed.equals(c.storyId())) {
                e.setValue(new Entry(new Candidate(c.id(), survivor, c.date(), c.keys()), e.getValue().at()));
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
            } else {
                break;
            }
        }
    }

    private record Entry(Candidate candidate, Instant at) {
    }
}
