package newsroom.search.repository;

/**
 * The article index's field names, as {@code elasticsearch/articles-mapping.json} declares them: every query, sort,
 * aggregation and source filter on the index (and the alert monitor's in-memory documents, which must analyse and
 * match as the index does) names its fields through these, and {@code ArticleFieldsTest} checks each against the
 * mapping, so a misspelt field cannot silently match nothing.
 */
public final class ArticleFields {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    /** The title and body accent-folded: what text queries, highlights and story keywords read. */
    public static final String TITLE_FOLDED = "titleFolded";
    public static final String BODY_FOLDED = "bodyFolded";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String RECEIVED_AT = "receivedAt";
    /** The article's date for sorting, ranges and timelines: published, else received. */
    public static final String DATE = "date";
    public static final String STORY_ID = "storyId";
    public static final String STORY_KEYS = "storyKeys";
    public static final String ENTITY_IDS = "entityIds";
    public static final String ENTITY_TYPE_IDS = "entityTypeIds";
    public static final String ENTITY_TYPES = "entityTypes";
    /** An object of one keyword field per entity type: see {@link #entityIdsOfType}. */
    public static final String ENTITY_IDS_BY_TYPE = "entityIdsByType";
    /** The nested entities, and their fields below. */
    public static final String ENTITIES = "entities";
    public static final String ENTITY_ID = "entities.id";
    public static final String ENTITY_NAME = "entities.name";
    public static final String ENTITY_NAME_FOLDED = "entities.nameFolded";
    public static final String ENTITY_TYPE = "entities.type";
    public static final String ENTITY_COUNT = "entities.count";
    public static final String ENTITY_SALIENCE = "entities.salience";
    public static final String ENTITY_ALIASES = "entities.aliases";
    public static final String ENTITY_ALIASES_FOLDED = "entities.aliasesFolded";

    private ArticleFields() {
    }

    /** The keyword field of one entity type's ids ({@code entityIdsByType.PERSON}). */
    public static String entityIdsOfType(String type) {
        return ENTITY_IDS_BY_TYPE + "." + type;
    }
}
