package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;

import newsroom.events.ArticleEntity;
import newsroom.events.ArticleText;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;

/**
 * Crafted texts that made the rules backtrack quadratically ("A.A.A.…" took over two minutes at 400 KB). The rules
 * must read each text a number of times proportional to its length: doubling the input at most doubles (give or take)
 * the characters the patterns read, counted exactly, never timed. The full pipeline answers them too, with offsets
 * kept (a 30 s guard only against a hang).
 */
class AdversarialInputTest {

    private static final RuleRecognizer RULES = new RuleRecognizer();
    private static final HybridEntityExtractor EXTRACTOR = new HybridEntityExtractor(StarterKnowledgeBase::index);
    private static final int SIZE = 100_000;

    static List<Named<IntFunction<String>>> crafted() {
        return List.of(
                Named.of("A.A.A.", n -> repeat("A.", n)),
                Named.of("A.A.A. then Act", n -> repeat("A.", n) + " Act"),
                Named.of("capitalised run A A A", n -> repeat("A ", n)),
                Named.of("capitalised words then Act", n -> repeat("Alien ", n) + "Act"),
                Named.of("capitalised words then Detention", n -> repeat("Otero ", n) + "Detention"),
                Named.of("of of of", n -> repeat("of ", n)),
                Named.of("The of the of", n -> "Border " + repeat("of the ", n)),
                Named.of("one long capitalised word", n -> "A" + repeat("a", n) + " Act"),
                Named.of("dots", n -> repeat(".", n)),
                Named.of("hyphens", n -> repeat("-", n)),
                Named.of("A-A-A-", n -> repeat("A-", n)),
                Named.of("apostrophes A'A'", n -> repeat("A'", n)),
                Named.of("thousands groups 1,111,111", n -> "1" + repeat(",111", n)),
                Named.of("digits and dots 1.1.1.", n -> repeat("1.", n)),
                Named.of("dollar and digits", n -> "$" + repeat("1", n)),
                Named.of("month names", n -> repeat("in May ", n)),
                Named.of("gang acronyms", n -> repeat("MS-13 ", n)),
                Named.of("US on one capital line", n -> repeat("US ", n)),
                Named.of("table header words on one line", n -> repeat("P W D L GF GA ", n)));
    }

    @ParameterizedTest
    @MethodSource("crafted")
    void theRulesReadACraftedTextInLinearTime(IntFunction<String> text) {
        long once = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reads(fit(text, SIZE)));
        long twice = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reads(fit(text, 2 * SIZE)));
        // linear: about 2x; the quadratic patterns read 4x (and, at this size, hundreds of millions of characters)
        assertThat(twice).isLessThan(once * 5 / 2);
        assertThat(once).isLessThan(200L * SIZE);
    }

    @ParameterizedTest
    @MethodSource("crafted")
    void theFullPipelineAnswersACraftedTextWithOffsetsKept(IntFunction<String> crafted) {
        String body = fit(crafted, SIZE);
        Extraction e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> EXTRACTOR.extract("Crafted", body));
        String text = ArticleText.of("Crafted", body);
        for (ArticleEntity entity : e.entities()) {
            for (Mention m : entity.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
    }

    @Test
    void aRealNameAfterACraftedRunIsStillFound() {
        String text = repeat("A.", 50_000) + " The court ruled under the Alien Enemies Act of 1798 that the Otero "
                + "Detention Center would stay open, at a cost of $5 million" + repeat(" of", 30_000)
                + " and 1" + repeat(",111", 20_000) + " while 12 percent agreed.";
        List<Span> spans = RULES.find(text);
        assertThat(spans).filteredOn(s -> s.type() == EntityType.LAW).extracting(Span::name)
                .containsExactly("Alien Enemies Act of 1798");
        assertThat(spans).filteredOn(s -> s.type() == EntityType.FACILITY).extracting(Span::name)
                .containsExactly("Otero Detention Center");
        assertThat(spans).filteredOn(s -> s.type() == EntityType.MONEY).extracting(Span::name)
                .containsExactly("$5 million");
        assertThat(spans).filteredOn(s -> s.type() == EntityType.PERCENT).extracting(Span::name)
                .containsExactly("12 percent");
    }

    /** The text the generator makes, cut to exactly {@code size} characters (whole words are not needed). */
    private static String fit(IntFunction<String> generator, int size) {
        String s = generator.apply(size);
        return s.length() > size ? s.substring(s.length() - size) : s;
    }

    private static long reads(String text) {
        CountingText counting = new CountingText(text);
        RULES.findIn(counting);
        return counting.reads;
    }

    private static String repeat(String unit, int atLeastChars) {
        return unit.repeat(atLeastChars / unit.length() + 1);
    }

    /** Counts every character a pattern reads. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
