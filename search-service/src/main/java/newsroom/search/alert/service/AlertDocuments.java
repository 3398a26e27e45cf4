package newsroom.search.alert.service;

import static newsroom.search.repository.ArticleFields.BODY_FOLDED;
import static newsroom.search.repository.ArticleFields.DATE;
import static newsroom.search.repository.ArticleFields.ENTITY_IDS;
import static newsroom.search.repository.ArticleFields.ENTITY_TYPES;
import static newsroom.search.repository.ArticleFields.SOURCE;
import static newsroom.search.repository.ArticleFields.TITLE_FOLDED;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.EnrichedArticle;
import newsroom.search.repository.ArticleDocument;
import newsroom.search.repository.ArticleFields;
import newsroom.search.service.EntityMerges;

/**
 * An enriched article as the Lucene document alerts are matched against: the fields of its Elasticsearch document
 * that a search filters or matches on, built by the indexer's own {@link ArticleDocument#of} and analysed like the
 * mapping ({@code standard}: standard tokenizer, lower case, no stop words; keywords as they are).
 *
 * <p>One difference on purpose: {@link ArticleFields#ENTITY_IDS} holds, for each entity of the article, every id the
 * knowledge base merged with it ({@link EntityMerges#sameEntity}). Search expands the query's entity instead; both
 * match exactly when the article's and the query's entity stand for the same entity today, and this way a merge or
 * un-merge changes no compiled subscription.
 */
@ApplicationScoped
public class AlertDocuments {
    private final EntityMerges merges;

    public AlertDocuments(EntityMerges merges) {
        this.merges = merges;
    }

    /**
     * @param entityIds the article's entity ids with every id merged with them (what {@link ArticleFields#ENTITY_IDS}
     *     holds)
     */
    public record Prepared(Document document, Set<String> entityIds) {
    }

    public Prepared of(EnrichedArticle article) {
        ArticleDocument a = ArticleDocument.of(article, Instant.now());
        Document d = new Document();
        d.add(new TextField(TITLE_FOLDED, a.titleFolded() == null ? "" : a.titleFolded(), Field.Store.NO));
        d.add(new TextField(BODY_FOLDED, a.bodyFolded() == null ? "" : a.bodyFolded(), Field.Store.NO));
        Set<String> ids = new LinkedHashSet<>();
        for (String id : a.entityIds()) {
            ids.addAll(merges.sameEntity(id));
        }
        ids.forEach(id -> d.add(new StringField(ENTITY_IDS, id, Field.Store.NO)));
        a.entityTypes().forEach(t -> d.add(new StringField(ENTITY_TYPES, t, Field.Store.NO)));
        if (a.source() != null) {
            d.add(new StringField(SOURCE, a.source(), Field.Store.NO));
        }
        d.add(new LongPoint(DATE, a.date().toEpochMilli()));
        return new Prepared(d, ids);
    }
}
