package newsroom.ingest;

import java.util.List;

/** One element of a batch request as read: the submission, or why it could not be read as one. */
public record BatchItem(int index, ArticleSubmission submission, List<String> unreadable) {
    public static BatchItem of(int index, ArticleSubmission submission) {
        return new BatchItem(index, submission, List.of());
    }

    public static BatchItem unreadable(int index, List<String> reasons) {
        return new BatchItem(index, null, List.copyOf(reasons));
    }
}
