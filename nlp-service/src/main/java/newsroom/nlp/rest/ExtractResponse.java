package newsroom.nlp.rest;

import java.util.List;

import newsroom.events.ArticleEntity;
import newsroom.events.NlpInfo;

/** What the pipeline would add to an article: its language, entities and engine information. */
public record ExtractResponse(String language, List<ArticleEntity> entities, NlpInfo nlp) {
}
