package newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleQueryTest {

    @Test
    void defaultsDependOnWhetherThereIsText() {
        ArticleQuery withText = ArticleQuery.parse("deportation", null, null, null, null, null, null, null, null);
        assertThat(withText.sort()).isEqualTo(ArticleQuery.Sort.RELEVANCE);
        assertThat(withText.size()).isEqualTo(ArticleQuery.DEFAULT_SIZE);
        assertThat(withText.facets()).isTrue();
        ArticleQuery browse = ArticleQuery.parse("  ", List.of("person:a"), null, null, null, null, null, "0", "false");
        assertThat(browse.text()).isNull();
        assertThat(browse.sort()).isEqualTo(ArticleQuery.Sort.DATE);
        assertThat(browse.size()).isZero();
        assertThat(browse.facets()).isFalse();
    }

    @Test
    void datesAreWholeDaysInclusiveOrInstants() {
        ArticleQuery q = ArticleQuery.parse(null, null, List.of("person", "Location"), null, "2025-03-15",
                "2025-03-16", "date", "5", null);
        assertThat(q.from()).isEqualTo(Instant.parse("2025-03-15T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2025-03-17T00:00:00Z"));
        assertThat(q.types()).containsExactly("PERSON", "LOCATION");
        ArticleQuery instants = ArticleQuery.parse(null, null, null, null, "2025-03-15T10:00:00+02:00",
                "2025-03-15T12:00:00Z", null, null, null);
        assertThat(instants.from()).isEqualTo(Instant.parse("2025-03-15T08:00:00Z"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ArticleQuery.parse("x".repeat(1001), List.of(" "), List.of("WIZARD"), null,
                "yesterday", null, "popularity", "500", "maybe"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.details())
                        .hasSize(7)
                        .anySatisfy(d -> assertThat(d).startsWith("q:"))
                        .anySatisfy(d -> assertThat(d).startsWith("entity:"))
                        .anySatisfy(d -> assertThat(d).startsWith("type:"))
                        .anySatisfy(d -> assertThat(d).startsWith("from:"))
                        .anySatisfy(d -> assertThat(d).startsWith("sort:"))
                        .anySatisfy(d -> assertThat(d).startsWith("size:"))
                        .anySatisfy(d -> assertThat(d).startsWith("facets:")));
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, "2025-03-16", "2025-03-15", null, null,
                null)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("from: must be before to");
    }
}
