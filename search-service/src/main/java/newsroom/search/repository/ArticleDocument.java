package newsroom.search.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import newsroom.events.ArticleEntity;
import newsroom.events.EnrichedArticle;
import newsroom.events.Mention;
import newsroom.support.text.TextFolding;

/**
 * One article as stored in Elasticsearch (see {@code elasticsearch/articles-mapping.json}).
 *
 * <p>Entities are kept twice: {@link #entities} as nested objects for precise per-entity queries, and the flat
 * keyword arrays {@link #entityIds} and {@link #entityTypeIds} ({@code TYPE:id}) for fast filters and facets, and
 * {@link #entityIdsByType} (one keyword field per type) so that the per-type facets read each value once.
 *
 * @param date the date the article is sorted and charted by: {@code publishedAt}, else {@code receivedAt}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleDocument(
        String id,
        String url,
        String source,
        String title,
        String body,
        String titleFolded,
        String bodyFolded,
        String language,
        String storyId,
        String feedId,
        String contentHash,
        Instant publishedAt,
        Instant receivedAt,
        Instant date,
        Instant indexedAt,
        int schemaVersion,
        String nlpEngine,
        List<EntityDocument> entities,
        List<String> entityIds,
        List<String> entityTypeIds,
        List<String> entityTypes,
        Map<String, List<String>> entityIdsByType,
        StoryKeys storyKeys) {

    /**
     * What story assignment compares articles by (see {@code newsroom.search.story}): the article's top keywords and
     * its entities, each with its TF-IDF or salience-times-rarity weight as of indexing, and its language (articles in
     * two languages are compared by their entities alone; null: unknown, as in keys stored before it was kept).
     * Kept in the index as one binary doc value ({@link StoryKeysCodec}), never searched.
     */
    @JsonSerialize(using = StoryKeysCodec.Serializer.class)
    @JsonDeserialize(using = StoryKeysCodec.Deserializer.class)
    public record StoryKeys(Map<String, Double> terms, Map<String, Double> entities, String language) {

        /** Weights heaviest first, by name on a tie: the order keys are kept in, ranked by and searched by. */
        public static final Comparator<Map.Entry<String, Double>> HEAVIEST_FIRST = Map.Entry
                .<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

        public StoryKeys(Map<String, Double> terms, Map<String, Double> entities) {
            this(terms, entities, null);
        }
    }

    /** The same document in a story. */
    public ArticleDocument withStory(String story, StoryKeys keys) {
        return new ArticleDocument(id, url, source, title, body, titleFolded, bodyFolded, language, story, feedId,
                contentHash, publishedAt, receivedAt, date, indexedAt, schemaVersion, nlpEngine, entities, entityIds,
                entityTypeIds, entityTypes, entityIdsByType, keys);
    }

    /**
     * @param nameFolded folded, lower-cased canonical name: what entity suggestions match
     * @param aliases the distinct texts the entity was mentioned as in this article
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EntityDocument(String id, String name, String nameFolded, String type, int count, double salience,
            List<String> aliases, List<String> aliasesFolded) {
    }

    public static ArticleDocument of(EnrichedArticle article, Instant indexedAt) {
        String title = TextFolding.normalize(article.title());
        String body = TextFolding.normalize(article.body());
        List<EntityDocument> entities = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> typeIds = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (ArticleEntity e : article.entities()) {
            if (e == null || e.id() == null || e.id().isBlank() || !ids.add(e.id())) {
                continue; // one entry per canonical entity and article
            }
            String type = e.type() == null ? "MISC" : e.type().name();
            Set<String> aliases = new LinkedHashSet<>();
            for (Mention m : e.mentions()) {
                if (m != null && m.text() != null && !m.text().isBlank()) {
                    aliases.add(m.text().strip());
                }
            }
            String name = e.name() == null || e.name().isBlank() ? e.id() : e.name();
            entities.add(new EntityDocument(e.id(), name, TextFolding.key(name), type,
                    Math.max(e.count(), e.mentions().size()), e.salience(),
                    List.copyOf(aliases), aliases.stream().map(TextFolding::key).distinct().toList()));
            typeIds.add(typeId(type, e.id()));
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(e.id());
            types.add(type);
        }
        Instant date = article.publishedAt() != null ? article.publishedAt()
                : article.receivedAt() != null ? article.receivedAt() : indexedAt;
        return new ArticleDocument(article.id(), article.url(), article.source(), title, body,
                TextFolding.foldPreservingCase(title), TextFolding.foldPreservingCase(body), article.language(),
                null, article.feedId(), article.contentHash(), article.publishedAt(), article.receivedAt(), date,
                indexedAt, article.schemaVersion(), article.nlp() == null ? null : article.nlp().engine(),
                entities, List.copyOf(ids), List.copyOf(typeIds), List.copyOf(types), byType, null);
    }

    public static String typeId(String type, String id) {
        return type + ":" + id;
    }
}
