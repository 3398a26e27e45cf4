package newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One occurrence of an entity: character offsets [start, end) into {@link ArticleText}, and the text found there. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mention(int start, int end, String text) {
}
