package newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import newsroom.search.repository.ArticleIndex;

class ArticleIndexVersionTest {

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(ArticleIndex.isNewerVersion("articles-v10", "articles-v9")).isTrue();
        assertThat(ArticleIndex.isNewerVersion("articles-v1", "articles-v2")).isFalse();
        assertThat(ArticleIndex.isNewerVersion("articles-v2", "articles-v2")).isFalse();
    }
}
