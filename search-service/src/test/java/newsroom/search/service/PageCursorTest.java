package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;

class PageCursorTest {

    private final ArticleQuery query = ArticleQuery.parse("bukele", List.of("person:nayib-bukele"), null, null, null,
            null, null, "10", null);

    @Test
    void roundTripsSortValuesWithTheirKinds() {
        PageCursor cursor = new PageCursor(List.of(FieldValue.of(1.0), FieldValue.of(1742000000000L),
                FieldValue.of("a-1")), PageCursor.fingerprint(query), "pit-1");
        PageCursor back = PageCursor.decode(cursor.encode(), query);
        assertThat(back.after()).hasSize(3);
        assertThat(back.after().get(0).isDouble()).isTrue();
        assertThat(back.after().get(0).doubleValue()).isEqualTo(1.0);
        assertThat(back.after().get(1).longValue()).isEqualTo(1742000000000L);
        assertThat(back.after().get(2).stringValue()).isEqualTo("a-1");
        assertThat(back.pit()).isEqualTo("pit-1");
    }

    @Test
    void carriesHowManyHitsThePagesBeforeServed() {
        PageCursor cursor = new PageCursor(List.of(FieldValue.of("a-9")), PageCursor.fingerprint(query), "pit-2", 40);
        assertThat(PageCursor.decode(cursor.encode(), query).served()).isEqualTo(40);
        PageCursor older = new PageCursor(List.of(FieldValue.of("a-9")), PageCursor.fingerprint(query), null);
        assertThat(PageCursor.decode(older.encode(), query).served()).isZero();
    }

    @Test
    void aCursorOfAnotherSearchOrGarbageIsABadRequest() {
        String cursor = new PageCursor(List.of(FieldValue.of("x")), PageCursor.fingerprint(query), null).encode();
        ArticleQuery other = ArticleQuery.parse("bukele", List.of(), null, null, null, null, null, "10", null);
        assertThatThrownBy(() -> PageCursor.decode(cursor, other)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("different search");
        assertThatThrownBy(() -> PageCursor.decode("%%%not-base64", query)).isInstanceOf(InvalidQueryException.class);
        // The page size may change between pages.
        ArticleQuery bigger = ArticleQuery.parse("bukele", List.of("person:nayib-bukele"), null, null, null, null,
                null, "50", null);
        assertThat(PageCursor.decode(cursor, bigger).after()).hasSize(1);
    }
}
