package newsroom.nlp.messaging;

import newsroom.events.EventJson;
import newsroom.events.RawArticle;

/** Reads a {@code news.articles.raw} record value; what cannot be an article is refused with the reason. */
final class RawArticles {

    private RawArticles() {
    }

    /** @throws IllegalArgumentException with the reason the dead-letter topic shows */
    static RawArticle parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("empty record value");
        }
        RawArticle raw;
        try {
            raw = EventJson.fromJson(value, RawArticle.class);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() == null ? cause.toString()
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("not a RawArticle JSON: " + message, e);
        }
        if (raw == null || raw.id() == null || raw.id().isBlank()) {
            throw new IllegalArgumentException("RawArticle without id");
        }
        if (raw.body() == null && raw.title() == null) {
            throw new IllegalArgumentException("RawArticle " + raw.id() + " has neither title nor body");
        }
        return raw;
    }
}
