package newsroom.search.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;

/**
 * An opaque {@code cursor}: the sort values of the last hit of a page (for search_after, with the article id as the
 * last tiebreaker so the order is total), a fingerprint of the search it belongs to, and for relevance order the
 * point in time the next pages read (scores shift as articles are added; a point in time does not), and how many hits
 * the pages before served (so the last page is known as such and its point in time closed).
 */
public record PageCursor(List<FieldValue> after, String fingerprint, String pit, long served) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PageCursor(List<FieldValue> after, String fingerprint, String pit) {
        this(after, fingerprint, pit, 0);
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode values = node.putArray("a");
        for (FieldValue v : after) {
            switch (v._kind()) {
                case Long -> values.add(v.longValue());
                case Double -> values.add(v.doubleValue());
                case Boolean -> values.add(v.booleanValue());
                case Null -> values.addNull();
                default -> values.add(v._toJsonString());
            }
        }
        node.put("f", fingerprint);
        if (pit != null) {
            node.put("p", pit);
        }
        if (served > 0) {
            node.put("n", served);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PageCursor decode(String cursor, ArticleQuery query) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidQueryException(List.of("cursor: not a cursor this service issued"));
        }
        if (node == null || !node.path("a").isArray() || !node.path("f").isTextual()) {
            throw new InvalidQueryException(List.of("cursor: not a cursor this service issued"));
        }
        if (!node.path("f").asText().equals(fingerprint(query))) {
            throw new InvalidQueryException(List.of("cursor: belongs to a different search; start again without it"));
        }
        List<FieldValue> after = new ArrayList<>();
        for (JsonNode v : node.path("a")) {
            if (v.isIntegralNumber()) {
                after.add(FieldValue.of(v.longValue()));
            } else if (v.isNumber()) {
                after.add(FieldValue.of(v.doubleValue()));
            } else if (v.isBoolean()) {
                after.add(FieldValue.of(v.booleanValue()));
            } else if (v.isNull()) {
                after.add(FieldValue.NULL);
            } else {
                after.add(FieldValue.of(v.asText()));
            }
        }
        return new PageCursor(after, node.path("f").asText(), node.path("p").isTextual() ? node.path("p").asText() : null,
                Math.max(0, node.path("n").asLong(0)));
    }

    /** What must not change between pages; size may. */
    public static String fingerprint(ArticleQuery q) {
        int hash = Objects.hash(q.text(), q.entities(), q.types(), q.sources(), q.from(), q.to(), q.sort());
        return Integer.toHexString(hash);
    }
}
