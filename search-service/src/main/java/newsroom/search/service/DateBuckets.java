package newsroom.search.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newsroom.search.SearchResult;

/**
 * Turns per-day counts (one date_histogram of non-empty days, cheap whatever the span) into a chart of at most about
 * 60 buckets of a day, week, month, quarter or year, with empty buckets filled in. Choosing the width from the
 * matched articles themselves needs no second request.
 */
public final class DateBuckets {

    public enum Width {
        DAY, WEEK, MONTH, QUARTER, YEAR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Chart(String interval, List<SearchResult.DateCount> buckets) {
    }

    private DateBuckets() {
    }

    /**
     * @param days start of a UTC day → article count, non-empty days only
     * @param from lower bound the user asked for, or null
     * @param to upper bound the user asked for (exclusive), or null
     */
    public static Chart chart(Map<Instant, Long> days, Instant from, Instant to) {
        if (days.isEmpty()) {
            return new Chart(Width.DAY.label(), List.of());
        }
        TreeMap<Instant, Long> sorted = new TreeMap<>(days);
        Instant first = sorted.firstKey();
        Instant last = sorted.lastKey();
        Width width = widthFor(from != null ? from : first, to != null ? to : last);
        TreeMap<LocalDate, Long> merged = new TreeMap<>();
        sorted.forEach((day, count) -> merged.merge(start(day, width), count, Long::sum));
        List<SearchResult.DateCount> buckets = new ArrayList<>();
        for (LocalDate d = merged.firstKey(); !d.isAfter(merged.lastKey()); d = next(d, width)) {
            buckets.add(new SearchResult.DateCount(d.atStartOfDay(ZoneOffset.UTC).toInstant(), merged.getOrDefault(d, 0L)));
        }
        return new Chart(width.label(), buckets);
    }

    static Width widthFor(Instant from, Instant to) {
        long days = Math.max(0, Duration.between(from, to).toDays());
        if (days <= 62) {
            return Width.DAY;
        } else if (days <= 62 * 7) {
            return Width.WEEK;
        } else if (days <= 62 * 31) {
            return Width.MONTH;
        } else if (days <= 62 * 92) {
            return Width.QUARTER;
        }
        return Width.YEAR;
    }

    static LocalDate start(Instant instant, Width width) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return switch (width) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    private static LocalDate next(LocalDate d, Width width) {
        return switch (width) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1);
            case QUARTER -> d.plusMonths(3);
            case YEAR -> d.plusYears(1);
        };
    }
}
