package newsroom.ingest.rest;

import java.util.List;

/** Every HTTP error this service answers: {@code {"error": "...", "details": [...]}}. */
public record ErrorBody(String error, List<String> details) {
    public static ErrorBody of(String error, String... details) {
        return new ErrorBody(error, List.of(details));
    }
}
