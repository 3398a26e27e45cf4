package newsroom.search.alert;

import java.util.List;

/** A subscription that cannot be saved: a 400 with one detail per problem, each starting with the field name. */
public class InvalidAlertException extends RuntimeException {
    private final List<String> details;

    public InvalidAlertException(List<String> details) {
        super("invalid alert: " + String.join("; ", details));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
