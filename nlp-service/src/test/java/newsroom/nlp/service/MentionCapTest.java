package newsroom.nlp.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.events.Mention;

class MentionCapTest {

    private static ArticleEntity entity(String id, int mentions, double salience) {
        List<Mention> ms = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            ms.add(new Mention(i * 10, i * 10 + 5, "Name" + i));
        }
        return new ArticleEntity(id, id, EntityType.PERSON, ms, mentions + 7, salience);
    }

    @Test
    void mentionsAreCappedPerEntityAndPerArticleWithExactCountsAndAtLeastTheFirstMention() {
        List<ArticleEntity> in = List.of(entity("person:a", 50, 0.9), entity("person:b", 30, 0.5),
                entity("person:c", 30, 0.4), entity("person:d", 2, 0.1));
        List<ArticleEntity> out = new MentionCap(20, 40).apply(in);

        assertThat(out).extracting(ArticleEntity::id).containsExactly("person:a", "person:b", "person:c", "person:d");
        // 4 first mentions, then 36 more shared out in order: a gets 19 more (cap 20), b 17, c and d none
        assertThat(out).extracting(e -> e.mentions().size()).containsExactly(20, 18, 1, 1);
        assertThat(out).extracting(ArticleEntity::count).containsExactly(57, 37, 37, 9);
        assertThat(out.stream().mapToInt(e -> e.mentions().size()).sum()).isEqualTo(40);
        for (int i = 0; i < in.size(); i++) {
            assertThat(out.get(i).mentions().get(0)).isEqualTo(in.get(i).mentions().get(0));
            assertThat(out.get(i).salience()).isEqualTo(in.get(i).salience());
        }
    }

    @Test
    void entitiesWithinTheCapsAreKeptAsTheyAre() {
        List<ArticleEntity> in = List.of(entity("person:a", 3, 0.9), entity("person:b", 1, 0.5));
        assertThat(new MentionCap(500, 20_000).apply(in)).isEqualTo(in);
    }
}
