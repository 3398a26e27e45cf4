package newsroom.search.rest;

import java.util.List;

/** The body of every error answer: {@code {"error": "...", "details": [...]}}. */
public record ErrorResponse(String error, List<String> details) {
    public ErrorResponse {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ErrorResponse of(String error, String detail) {
        return new ErrorResponse(error, detail == null ? List.of() : List.of(detail));
    }
}
