package newsroom.bench.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated news articles of {@value #MIN_WORDS}–{@value #MAX_WORDS} words: a topic's headline and paragraphs plus
 * general ones ({@link NewsTemplates}), the slots filled from {@link NewsPools}, each article with a main person,
 * city, company, institution and event it keeps returning to. Seeded: the same seed gives the same corpus.
 */
public final class NewsCorpus {
    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 800;
    private static final Pattern SLOT = Pattern.compile("\\{([A-Z0-9]+)\\}");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    public record Article(String url, String source, String title, String body, String publishedAt, String topic) {
        public int words() {
            return NewsCorpus.words(title) + NewsCorpus.words(body);
        }
    }

    private final long seed;

    public NewsCorpus(long seed) {
        this.seed = seed;
    }

    /** {@code count} articles of the source {@code source}, with URLs unique to it. */
    public List<Article> generate(int count, String source) {
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(article(i, source));
        }
        return out;
    }

    /** Article {@code i}: depends on the seed and {@code i} only. */
    Article article(int i, String source) {
        Random random = new Random(mix(seed * 0x9E3779B97F4A7C15L + i));
        NewsTemplates.Topic topic = NewsTemplates.TOPICS.get(random.nextInt(NewsTemplates.TOPICS.size()));
        Cast cast = new Cast(random);
        String title = fill(pick(random, topic.titles()), cast, random);
        int target = MIN_WORDS + 20 + random.nextInt(MAX_WORDS - MIN_WORDS - 40);
        List<String> pool = new ArrayList<>(topic.paragraphs());
        List<String> general = new ArrayList<>(NewsTemplates.GENERAL);
        StringBuilder body = new StringBuilder(fill(pool.remove(0), cast, random));
        int words = words(title) + words(body.toString());
        while (words < target && (!pool.isEmpty() || !general.isEmpty())) {
            // mostly the topic's own paragraphs while they last, with general ones between them
            boolean own = !pool.isEmpty() && (general.isEmpty() || random.nextInt(3) > 0);
            List<String> from = own ? pool : general;
            String paragraph = fill(from.remove(random.nextInt(from.size())), cast, random);
            int n = words(paragraph);
            if (words + n > MAX_WORDS) {
                continue;
            }
            body.append("\n\n").append(paragraph);
            words += n;
        }
        String date = FIRST_DAY.plusDays(random.nextInt(330)).atTime(6 + random.nextInt(14), random.nextInt(60))
                .atOffset(ZoneOffset.UTC).toInstant().toString();
        return new Article("https://pipebench.example/" + source + "/" + i, source, title, body.toString(), date,
                topic.name());
    }

    /** Spreads close seeds apart: java.util.Random's first values from seeds 1, 2, 3, ... are nearly alike. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String fill(String template, Cast cast, Random random) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(cast.slot(m.group(1), random)));
        }
        m.appendTail(out);
        String text = out.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The names one article keeps coming back to, and fresh ones for every other slot. */
    private static final class Cast {
        final String person;
        final String city;
        final String company;
        final String institution;
        final String team;
        final String event;

        Cast(Random random) {
            person = person(random);
            city = pick(random, NewsPools.CITIES);
            company = pick(random, NewsPools.COMPANIES);
            institution = pick(random, NewsPools.INSTITUTIONS);
            team = pick(random, NewsPools.TEAMS);
            event = pick(random, NewsPools.EVENTS);
        }

        static String person(Random random) {
            return pick(random, NewsPools.FIRST_NAMES) + " " + pick(random, NewsPools.LAST_NAMES);
        }

        String slot(String name, Random random) {
            return switch (name) {
                case "P1" -> person;
                case "P1L" -> person.substring(person.indexOf(' ') + 1);
                case "P" -> person(random);
                case "R" -> pick(random, NewsPools.ROLES);
                case "C" -> pick(random, NewsPools.COUNTRIES);
                case "CITY1" -> city;
                case "CITY" -> pick(random, NewsPools.CITIES);
                case "CO1" -> company;
                case "CO" -> pick(random, NewsPools.COMPANIES);
                case "INST1" -> institution;
                case "INST" -> pick(random, NewsPools.INSTITUTIONS);
                case "TEAM1" -> team;
                case "TEAM" -> pick(random, NewsPools.TEAMS);
                case "EV1" -> event;
                case "LAW" -> pick(random, NewsPools.LAWS);
                case "N" -> Integer.toString(2 + random.nextInt(48));
                case "BIG" -> String.format("%,d", 1_000 + random.nextInt(250) * 400);
                case "PCT" -> (1 + random.nextInt(60)) + "." + random.nextInt(10) + " percent";
                case "MONEY" -> money(random);
                case "DAY" -> pick(random, NewsPools.WEEKDAYS);
                case "MONTH" -> pick(random, NewsPools.MONTHS);
                case "DATE" -> (1 + random.nextInt(28)) + " " + pick(random, NewsPools.MONTHS);
                case "YEAR" -> Integer.toString(1998 + random.nextInt(28));
                default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
            };
        }

        private static String money(Random random) {
            return switch (random.nextInt(3)) {
                case 0 -> "$" + (2 + random.nextInt(900)) + " million";
                case 1 -> "€" + (1 + random.nextInt(40)) + "." + random.nextInt(10) + " billion";
                default -> (5 + random.nextInt(95)) + " million euros";
            };
        }
    }
}
