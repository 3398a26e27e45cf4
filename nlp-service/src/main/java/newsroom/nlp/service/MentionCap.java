package newsroom.nlp.service;

import java.util.ArrayList;
import java.util.List;

import newsroom.events.ArticleEntity;

/**
 * Bounds the mentions listed in an enriched article, so its record stays far below the producer's
 * {@code max.request.size}: at most {@code perEntity} per entity and {@code perArticle} in all, the entities taken in
 * the order given (most salient first), each keeping at least its first mention. {@code count} stays exact.
 */
public final class MentionCap {

    private final int perEntity;
    private final int perArticle;

    public MentionCap(int perEntity, int perArticle) {
        if (perEntity < 1 || perArticle < 1) {
            throw new IllegalArgumentException("mention caps must be positive");
        }
        this.perEntity = perEntity;
        this.perArticle = perArticle;
    }

    public List<ArticleEntity> apply(List<ArticleEntity> entities) {
        // every entity keeps one mention (its first, which salience and the timeline use); the rest is shared out
        long left = (long) perArticle - entities.size();
        List<ArticleEntity> capped = new ArrayList<>(entities.size());
        for (ArticleEntity e : entities) {
            int listed = e.mentions().size();
            int extra = (int) Math.max(0, Math.min(Math.min(listed, perEntity) - 1, left));
            left -= extra;
            int keep = Math.min(listed, 1 + extra);
            capped.add(keep == listed ? e
                    : new ArticleEntity(e.id(), e.name(), e.type(), List.copyOf(e.mentions().subList(0, keep)),
                            e.count(), e.salience()));
        }
        return capped;
    }
}
