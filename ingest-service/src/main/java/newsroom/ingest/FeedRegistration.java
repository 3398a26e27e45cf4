package newsroom.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import newsroom.ingest.validation.HttpUrl;
import newsroom.ingest.validation.NoControlCharacters;

/** A feed to poll: its URL, the source name its articles get, and how often to poll it (seconds, default 300). */
public record FeedRegistration(
        @NotBlank @HttpUrl @Size(max = 4096) @NoControlCharacters String url,
        @Size(max = 200) @NoControlCharacters String source,
        @Min(1) @Max(86400) Integer pollIntervalSeconds) {
}
