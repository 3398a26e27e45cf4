package newsroom.nlp.extraction;

import newsroom.events.EntityType;

/**
 * A candidate mention on the normalized text, before resolution.
 *
 * @param entityId canonical id when already known (knowledge base, rules), else {@code null}
 * @param name canonical name when known, else the surface text
 */
public record Span(int start, int end, EntityType type, String entityId, String name, Source source) {

    /** Where a candidate came from; resolution prefers earlier sources on overlap. */
    public enum Source {
        KNOWLEDGE_BASE, RULE, COREFERENCE, MODEL
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
