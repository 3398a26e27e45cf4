package newsroom.nlp.rest;

import java.util.List;

/** The JSON error body of every 4xx: {@code {"error": "...", "details": [...]}}. */
public record ErrorResponse(String error, List<String> details) {

    public ErrorResponse {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ErrorResponse of(String error, String... details) {
        return new ErrorResponse(error, List.of(details));
    }
}
