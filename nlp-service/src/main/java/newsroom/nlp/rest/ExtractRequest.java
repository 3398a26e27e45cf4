package newsroom.nlp.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/extract}. */
public record ExtractRequest(
        @Size(max = 10_000, message = "title must be at most 10000 characters") String title,
        @NotNull(message = "body is required") String body) {
}
