package newsroom.ingest;

import java.util.List;

/** The input is not an acceptable article; {@code details} name the fields ("body: must not be blank"). */
public class InvalidArticleException extends RuntimeException {
    private final List<String> details;
    private final boolean tooLarge;

    public InvalidArticleException(String message, List<String> details, boolean tooLarge) {
        super(message);
        this.details = List.copyOf(details);
        this.tooLarge = tooLarge;
    }

    public static InvalidArticleException invalid(List<String> details) {
        return new InvalidArticleException("invalid article", details, false);
    }

    public static InvalidArticleException tooLarge(String detail) {
        return new InvalidArticleException("article too large", List.of(detail), true);
    }

    public List<String> details() {
        return details;
    }

    /** true when the answer is 413 rather than 400 */
    public boolean tooLarge() {
        return tooLarge;
    }
}
