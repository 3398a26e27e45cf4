package newsroom.search.story.repository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Story entries read or written lately, so that the stories of the next batches' candidates are not all read again:
 * they were about nine entry reads per article. An entry only changes when a merge absorbs its story; this instance's
 * own merges drop it at once ({@link #forget}), another instance's are seen at most {@code retention} later: the same
 * lag {@code RecentStories} already has for the stories of remembered articles, and healed the same way (a candidate
 * found in an absorbed story is re-pointed). An entry not found is never held: another instance may create it.
 */
final class StoryRecordCache {
    private final Duration retention;
    private final int capacity;
    private final Clock clock;
    /** story id → entry, oldest first */
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
    /** The stories index the entries come from: another index version has other stories. */
    private String index;

    private record Held(StoryRecord record, Instant at) {
    }

    StoryRecordCache(Duration retention, int capacity, Clock clock) {
        this.retention = retention;
        this.capacity = capacity;
        this.clock = clock;
    }

    boolean enabled() {
        return !retention.isZero() && !retention.isNegative() && capacity > 0;
    }

    /** The entries of those stories held for less than the retention. */
    synchronized Map<String, StoryRecord> fresh(String storiesIndex, Collection<String> ids) {
        Map<String, StoryRecord> out = new HashMap<>();
        if (!enabled() || !storiesIndex.equals(index)) {
            return out;
        }
        expire();
        for (String id : ids) {
            Held h = held.get(id);
            if (h != null) {
                out.put(id, h.record());
            }
        }
        return out;
    }

    /** Entries just read from, or written to, the stories index. */
    synchronized void hold(String storiesIndex, Collection<StoryRecord> records) {
        if (!enabled()) {
            return;
        }
        if (!storiesIndex.equals(index)) {
            held.clear();
            index = storiesIndex;
        }
        Instant now = clock.instant();
        for (StoryRecord r : records) {
            held.remove(r.id()); // re-inserted as the newest
            held.put(r.id(), new Held(r, now));
        }
        expire();
        Iterator<String> oldest = held.keySet().iterator();
        while (held.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    /** A story whose entry this instance just changed: read it again next time. */
    synchronized void forget(String storyId) {
        held.remove(storyId);
    }

    private void expire() {
        Instant oldest = clock.instant().minus(retention);
        Iterator<Held> it = held.values().iterator();
        while (it.hasNext()) {
            if (it.next().at().isBefore(oldest)) {
                it.remove();
            } else {
                break; // oldest first
            }
        }
    }
}
