package newsroom.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsroom.events.EntityType;

/**
 * A validated search: the parameters of {@code GET /api/search} (and of alert subscriptions, which must mean exactly
 * the same thing).
 *
 * @param text the user's query text, used only as a simple_query_string (never as query DSL); null for none
 * @param entities canonical entity ids, all required (AND)
 * @param types entity types, at least one mentioned (OR)
 * @param sources sources, any of them (OR)
 * @param from inclusive lower bound on the article date; null for none
 * @param to exclusive upper bound on the article date; null for none
 */
public record ArticleQuery(String text, List<String> entities, List<String> types, List<String> sources,
        Instant from, Instant to, Sort sort, int size, boolean facets) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_TEXT = 1000;
    public static final int MAX_FILTERS = 20;

    public enum Sort {
        RELEVANCE, DATE
    }

    public ArticleQuery {
        entities = List.copyOf(entities);
        types = List.copyOf(types);
        sources = List.copyOf(sources);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** Parses and checks raw request parameters; every problem is reported at once. */
    public static ArticleQuery parse(String q, List<String> entity, List<String> type, List<String> source,
            String from, String to, String sort, String size, String facets) {
        List<String> errors = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            errors.add("q: at most " + MAX_TEXT + " characters");
        }
        List<String> entities = values("entity", entity, errors);
        List<String> sources = values("source", source, errors);
        List<String> types = new ArrayList<>();
        for (String t : values("type", type, errors)) {
            try {
                types.add(EntityType.valueOf(t.toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                errors.add("type: '" + t + "' is not one of " + List.of(EntityType.values()));
            }
        }
        Instant fromInstant = date("from", from, false, errors);
        Instant toInstant = date("to", to, true, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add("from: must be before to");
        }
        Sort sortOrder = text == null ? Sort.DATE : Sort.RELEVANCE;
        if (sort != null && !sort.isBlank()) {
            try {
                sortOrder = Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("sort: must be relevance or date");
            }
        }
        int pageSize = DEFAULT_SIZE;
        if (size != null && !size.isBlank()) {
            try {
                pageSize = Integer.parseInt(size.strip());
                if (pageSize < 0 || pageSize > MAX_SIZE) {
                    errors.add("size: must be between 0 and " + MAX_SIZE);
                }
            } catch (NumberFormatException e) {
                errors.add("size: not a number");
            }
        }
        boolean withFacets = true;
        if (facets != null && !facets.isBlank()) {
            switch (facets.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> withFacets = true;
                case "false" -> withFacets = false;
                default -> errors.add("facets: must be true or false");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new ArticleQuery(text, entities, types, sources, fromInstant, toInstant, sortOrder, pageSize,
                withFacets);
    }

    private static List<String> values(String name, List<String> raw, List<String> errors) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String v : raw) {
                if (v == null || v.isBlank()) {
                    errors.add(name + ": must not be blank");
                } else if (v.length() > 200) {
                    errors.add(name + ": at most 200 characters");
                } else {
                    out.add(v.strip());
                }
            }
        }
        if (out.size() > MAX_FILTERS) {
            errors.add(name + ": at most " + MAX_FILTERS + " values");
        }
        return List.copyOf(out);
    }

    /** A date (whole day, UTC) or an ISO-8601 instant/offset date-time; {@code to} of a date includes that day. */
    private static Instant date(String name, String raw, boolean upper, List<String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e2) {
                errors.add(name + ": expected a date (2025-03-15) or an ISO-8601 date-time");
                return null;
            }
        }
    }
}
