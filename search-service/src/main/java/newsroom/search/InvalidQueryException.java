package newsroom.search;

import java.util.List;

/** Bad search parameters: answered as a 400 with one detail per problem. */
public class InvalidQueryException extends RuntimeException {
    private final List<String> details;

    public InvalidQueryException(List<String> details) {
        super("invalid search parameters: " + String.join("; ", details));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
