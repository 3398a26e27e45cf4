package newsroom.support.rest;

import java.util.List;

/** Every HTTP error of every service, 4xx and 5xx alike: {@code {"error": "...", "details": [...]}}. */
public record ErrorBody(String error, List<String> details) {

    public ErrorBody {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ErrorBody of(String error, String... details) {
        return new ErrorBody(error, List.of(details));
    }
}
