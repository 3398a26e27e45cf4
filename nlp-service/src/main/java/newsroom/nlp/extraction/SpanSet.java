package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Non-overlapping spans ordered by start; overlap checks in O(log n), so 5 MB texts with many mentions stay fast. */
final class SpanSet {
    private final TreeMap<Integer, Span> byStart = new TreeMap<>();

    boolean overlapsAny(int start, int end) {
        Map.Entry<Integer, Span> before = byStart.floorEntry(end - 1);
        return before != null && before.getValue().end() > start;
    }

    /** The spans overlapping [start, end), by start. */
    List<Span> overlapping(int start, int end) {
        List<Span> found = new ArrayList<>();
        Integer from = byStart.floorKey(start);
        for (Span s : byStart.subMap(from == null ? start : from, true, end, false).values()) {
            if (s.end() > start) {
                found.add(s);
            }
        }
        return found;
    }

    /** Adds the span if it overlaps nothing already in the set. */
    boolean add(Span s) {
        if (s.length() <= 0 || overlapsAny(s.start(), s.end())) {
            return false;
        }
        byStart.put(s.start(), s);
        return true;
    }

    void remove(Span s) {
        byStart.remove(s.start(), s);
    }

    /** Puts {@code replacement} where {@code s} was (same start; the caller keeps the set free of overlaps). */
    void replace(Span s, Span replacement) {
        remove(s);
        byStart.put(replacement.start(), replacement);
    }

    /** Adds candidates longest first (then leftmost), each only where it overlaps nothing accepted before it. */
    void addLongestFirst(List<Span> candidates) {
        List<Span> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
        for (Span s : sorted) {
            add(s);
        }
    }

    List<Span> spans() {
        return new ArrayList<>(byStart.values());
    }
}
