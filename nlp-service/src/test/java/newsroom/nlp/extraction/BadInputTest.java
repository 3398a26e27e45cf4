package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.ArticleText;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;
import newsroom.nlp.TestTexts;

/** Empty, huge, binary and foreign texts through the full pipeline: no crash, bounded time, offsets kept. */
class BadInputTest {

    private static final HybridEntityExtractor EXTRACTOR = ModelPipelineTest.EXTRACTOR;

    @Test
    void fiveMegabytesAreProcessedInBoundedTimeWithOffsetsKeptToTheEnd() {
        String body = TestTexts.fiveMegabytes();
        Extraction e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EXTRACTOR.extract("Long file", body));
        String text = ArticleText.of("Long file", body);
        ArticleEntity bukele = e.entities().stream().filter(x -> x.id().equals("person:nayib-bukele")).findFirst()
                .orElseThrow();
        Mention last = bukele.mentions().get(bukele.mentions().size() - 1);
        assertThat(last.start()).isEqualTo(text.lastIndexOf("Nayib Bukele"));
        assertThat(text.substring(last.start(), last.end())).isEqualTo("Nayib Bukele");
        ArticleEntity cecot = e.entities().stream().filter(x -> x.id().equals("facility:cecot")).findFirst().orElseThrow();
        assertThat(cecot.count()).isGreaterThan(10_000); // counted over the whole text
        assertThat(cecot.mentions()).hasSize(HybridEntityExtractor.MAX_MENTIONS); // listed up to the cap
    }

    @Test
    void binaryJunkGivesFewOrNoEntitiesAndNoError() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        String junk = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        Extraction e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> EXTRACTOR.extract("\u0000\u0001", junk));
        String text = ArticleText.of("\u0000\u0001", junk);
        for (ArticleEntity entity : e.entities()) {
            for (Mention m : entity.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
        assertThat(e.language()).isNull();
    }

    @Test
    void emptyAndWhitespaceTexts() {
        assertThat(EXTRACTOR.extract(null, "").entities()).isEmpty();
        assertThat(EXTRACTOR.extract("", " \n\n \t ").entities()).isEmpty();
        assertThat(EXTRACTOR.extract(null, null).entities()).isEmpty();
    }

    @Test
    void otherLanguagesAreTagged() {
        assertThat(EXTRACTOR.extract("Les élections",
                "Le gouvernement français a annoncé mardi une nouvelle réforme des retraites, selon le ministre.")
                .language()).isEqualTo("fr");
        assertThat(EXTRACTOR.extract("Wahlen", "Die Bundesregierung hat am Dienstag neue Regeln für Mieten beschlossen, "
                + "teilte das Ministerium mit.").language()).isEqualTo("de");
    }
}
