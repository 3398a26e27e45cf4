package newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which extractor enriched an article, and how long it took. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NlpInfo(String engine, String version, long tookMs) {
}
