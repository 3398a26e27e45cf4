package newsroom.search.repository;

import static newsroom.search.repository.ArticleFields.BODY;
import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPES;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.TITLE;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import newsroom.search.ArticleQuery;
import newsroom.support.text.TextFolding;
import newsroom.search.service.EntityMerges;

/**
 * The Elasticsearch query for an {@link ArticleQuery}: the one definition of what "matches" means, shared by search,
 * feeds and anything that must agree with search (alerts).
 */
public final class ArticleQueries {

    private ArticleQueries() {
    }

    /**
     * Matching is decided by the folded fields with the folded text, so accents and case never matter; the same text
     * on the original fields only adds score, so exact spellings rank first. The user's text is only ever a
     * simple_query_string, which has no syntax errors and cannot express query DSL. An entity filter also matches
     * the ids the knowledge base merged into that entity.
     */
    public static Query of(ArticleQuery query, EntityMerges merges) {
        List<Query> filters = filters(query, merges);
        if (!query.hasText()) {
            return filters.isEmpty() ? Query.of(q -> q.matchAll(m -> m))
                    : Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        String folded = TextFolding.key(query.text());
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.simpleQueryString(s -> s.query(folded).fields(TITLE_FOLDED + "^3", BODY_FOLDED)
                        .defaultOperator(Operator.And).lenient(true)))
                .should(m -> m.simpleQueryString(s -> s.query(query.text()).fields(TITLE + "^3", BODY)
                        .defaultOperator(Operator.And).lenient(true)))
                .filter(filters)));
    }

    static List<Query> filters(ArticleQuery query, EntityMerges merges) {
        List<Query> filters = new ArrayList<>();
        for (String entity : query.entities()) {
            List<FieldValue> ids = merges.sameEntity(entity).stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(ENTITY_IDS).terms(v -> v.value(ids)))));
        }
        if (!query.types().isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field(ENTITY_TYPES)
                    .terms(v -> v.value(query.types().stream().map(FieldValue::of).toList())))));
        }
        if (!query.sources().isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field(SOURCE)
                    .terms(v -> v.value(query.sources().stream().map(FieldValue::of).toList())))));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field(DATE);
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            }))));
        }
        return filters;
    }
}
