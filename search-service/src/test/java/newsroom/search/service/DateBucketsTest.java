package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.search.SearchResult;

class DateBucketsTest {

    @Test
    void aShortSpanIsChartedByDayWithEmptyDaysFilledIn() {
        DateBuckets.Chart chart = DateBuckets.chart(Map.of(
                Instant.parse("2025-03-10T00:00:00Z"), 2L,
                Instant.parse("2025-03-13T00:00:00Z"), 1L), null, null);
        assertThat(chart.interval()).isEqualTo("day");
        assertThat(chart.buckets()).extracting(SearchResult.DateCount::count).containsExactly(2L, 0L, 0L, 1L);
        assertThat(chart.buckets().get(0).date()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
    }

    @Test
    void longerSpansUseWeeksMonthsQuartersOrYears() {
        Map<Instant, Long> twoYears = Map.of(
                Instant.parse("2024-01-15T00:00:00Z"), 1L,
                Instant.parse("2024-02-20T00:00:00Z"), 2L,
                Instant.parse("2025-12-31T00:00:00Z"), 3L);
        DateBuckets.Chart months = DateBuckets.chart(twoYears, null, null);
        assertThat(months.interval()).isEqualTo("month");
        assertThat(months.buckets()).hasSize(24);
        assertThat(months.buckets().get(1)).isEqualTo(new SearchResult.DateCount(Instant.parse("2024-02-01T00:00:00Z"), 2));
        assertThat(months.buckets().stream().mapToLong(SearchResult.DateCount::count).sum()).isEqualTo(6);
        DateBuckets.Chart weeks = DateBuckets.chart(Map.of(Instant.parse("2025-03-12T00:00:00Z"), 1L), // a Wednesday
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(weeks.interval()).isEqualTo("week");
        assertThat(weeks.buckets()).containsExactly(new SearchResult.DateCount(Instant.parse("2025-03-10T00:00:00Z"), 1));
        assertThat(DateBuckets.widthFor(Instant.parse("2005-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")))
                .isEqualTo(DateBuckets.Width.YEAR);
        assertThat(DateBuckets.chart(Map.of(), null, null).buckets()).isEmpty();
    }
}
