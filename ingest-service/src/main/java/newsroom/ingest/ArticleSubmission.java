package newsroom.ingest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import newsroom.ingest.validation.HttpUrl;
import newsroom.ingest.validation.NoControlCharacters;

/**
 * One article as a caller sends it. {@code body} may be plain text or HTML; its size limit is configuration
 * ({@code newsroom.ingest.limits.max-body-bytes}) and is checked by the intake, which answers 413 over it.
 */
public record ArticleSubmission(
        @HttpUrl @Size(max = 4096) @NoControlCharacters String url,
        @Size(max = 200) @NoControlCharacters String source,
        @Size(max = 2000) @NoControlCharacters String title,
        @NotBlank @NoControlCharacters(allowLineBreaks = true) String body,
        Instant publishedAt,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pt-BR")
        String language) {
}
