package newsroom.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer for one element of a batch, by its position ({@code index}, from 0) in the request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(int index, String id, IngestOutcome.Status status, String duplicateOf,
        String nearDuplicateOf, List<String> reasons) {

    public static BatchItemResult of(int index, IngestOutcome outcome) {
        return new BatchItemResult(index, outcome.id(), outcome.status(), outcome.duplicateOf(), outcome.nearDuplicateOf(), null);
    }

    public static BatchItemResult rejected(int index, List<String> reasons) {
        return new BatchItemResult(index, null, IngestOutcome.Status.rejected, null, null, List.copyOf(reasons));
    }
}
