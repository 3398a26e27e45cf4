package newsroom.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer for one article: {@code accepted} (durable, will be published), {@code duplicate} (an exact
 * duplicate of {@code duplicateOf}; nothing stored or published) or, in a batch, {@code rejected} with reasons.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IngestOutcome(String id, Status status, String duplicateOf, String nearDuplicateOf) {

    public enum Status {
        accepted, duplicate, rejected
    }

    public static IngestOutcome accepted(String id, String nearDuplicateOf) {
        return new IngestOutcome(id, Status.accepted, null, nearDuplicateOf);
    }

    public static IngestOutcome duplicate(String firstId) {
        return new IngestOutcome(firstId, Status.duplicate, firstId, null);
    }
}
