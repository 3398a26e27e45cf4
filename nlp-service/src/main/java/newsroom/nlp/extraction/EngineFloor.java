package newsroom.nlp.extraction;

import java.util.List;

/**
 * The engine's judgement as the floor (issue 11): a knowledge-base or rule span joins the engine's spans only where it
 * overlaps none of them, or where it covers every span it overlaps (the same extent: it links or retypes it; a longer
 * one: it extends it, "Alien Enemies Act" → "Alien Enemies Act of 1798"). A known name inside a longer engine span
 * ("Denver" in "the Denver Broncos", "El Salvador" in "Chamber of Commerce and Industry of El Salvador") or crossing
 * one never cuts it. Each decision is counted.
 */
final class EngineFloor {

    private EngineFloor() {
    }

    /**
     * Merges {@code others} (non-overlapping among themselves) into {@code accepted}, which holds the engine's spans
     * and what earlier stages took. A span taken by an earlier stage (not the engine) is never replaced.
     */
    static void merge(SpanSet accepted, List<Span> others, String stage, Corrections corrections) {
        for (Span o : others) {
            List<Span> overlapped = accepted.overlapping(o.start(), o.end());
            if (overlapped.isEmpty()) {
                accepted.add(o);
                corrections.count(stage + ": added a name the engine missed");
                continue;
            }
            boolean covers = true;
            boolean engineOnly = true;
            for (Span s : overlapped) {
                covers &= o.start() <= s.start() && s.end() <= o.end();
                engineOnly &= s.source() == Span.Source.MODEL;
            }
            if (!engineOnly) {
                continue; // an earlier stage's name stands, as before
            }
            if (!covers) {
                corrections.count(stage + ": kept the engine's span over a shorter or crossing name");
                continue;
            }
            overlapped.forEach(accepted::remove);
            accepted.add(o);
            Span engine = overlapped.get(0);
            if (overlapped.size() > 1 || engine.start() != o.start() || engine.end() != o.end()) {
                corrections.count(stage + ": extended the engine's span");
            } else if (engine.type() != o.type()) {
                corrections.count(stage + ": retyped the engine's span " + engine.type() + " -> " + o.type());
            } else {
                corrections.count(stage + ": linked the engine's span");
            }
        }
    }
}
