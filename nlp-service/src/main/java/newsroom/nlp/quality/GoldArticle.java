package newsroom.nlp.quality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One annotated article of the gold set: every mention with its offsets into {@code title + "\n\n" + body}, type and
 * canonical id. MISC is not annotated (and not scored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldArticle(String id, String note, String title, String body, List<GoldMention> mentions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldMention(int start, int end, String text, String type, String entity) {
    }

    public GoldArticle {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
