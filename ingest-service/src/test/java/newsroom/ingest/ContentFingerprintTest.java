package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    @Test
    void spacingCaseAndUnicodeCompositionDoNotChangeTheHash() {
        String composed = ContentFingerprint.of("Court rules on Ábrego case", "The judge  ruled on Monday.\n\nAppeals follow.");
        String decomposed = ContentFingerprint.of("court RULES on A\u0301brego case", "The judge ruled\ton Monday. Appeals   follow.");
        assertThat(decomposed).isEqualTo(composed).hasSize(64);
    }

    @Test
    void differentWordsGiveDifferentHashes() {
        assertThat(ContentFingerprint.of("t", "The judge ruled on Monday."))
                .isNotEqualTo(ContentFingerprint.of("t", "The judge ruled on Tuesday."));
    }

    @Test
    void idsComeFromTheUrlWhenThereIsOneElseFromTheText() {
        String hash = ContentFingerprint.of("t", "b");
        String byUrl = ArticleIds.of("https://example.org/a", hash);
        assertThat(byUrl).hasSize(24).isEqualTo(ArticleIds.of("https://example.org/a", ContentFingerprint.of("x", "y")));
        assertThat(ArticleIds.of(null, hash)).hasSize(24).isNotEqualTo(byUrl);
        assertThat(ArticleIds.looksLikeId(byUrl)).isTrue();
    }
}
