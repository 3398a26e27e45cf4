package newsroom.events;

/** Kafka topic names shared by the services (see ARCHITECTURE.md, "Topics and delivery"). */
public final class Topics {
    public static final String RAW_ARTICLES = "news.articles.raw";
    public static final String ENRICHED_ARTICLES = "news.articles.enriched";
    public static final String ALERTS = "news.alerts";
    /** Knowledge-base changes ({@link EntityChange}) from the nlp-service, keyed by entity id. */
    public static final String ENTITY_CHANGES = "news.entities.changes";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
