package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FoldedHighlightsTest {

    @Test
    void marksFoundOnTheFoldedTextLandOnTheAccentedOriginal() {
        String original = "Ábrego García habló con la prensa en San Salvador.";

        assertThat(FoldedHighlights.onOriginal("Abrego <mark>Garcia</mark> hablo con la prensa", original))
                .isEqualTo("Ábrego <mark>García</mark> habló con la prensa");
        assertThat(FoldedHighlights.onOriginal(List.of("<mark>Abrego</mark> <mark>Garcia</mark>",
                "en San <mark>Salvador</mark>."), original))
                .containsExactly("<mark>Ábrego</mark> <mark>García</mark>", "en San <mark>Salvador</mark>.");
    }

    @Test
    void hostileTextStaysEscapedAndTheOriginalsCharactersAreEscapedToo() {
        String original = "Él citó <script>alert('x')</script> & más";
        String folded = "El cito &lt;script&gt;<mark>alert</mark>(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; mas";

        assertThat(FoldedHighlights.onOriginal(folded, original)).isEqualTo(
                "Él citó &lt;script&gt;<mark>alert</mark>(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; más");
    }

    @Test
    void aFragmentThatIsNotPartOfTheTextIsLeftAsElasticsearchGaveIt() {
        assertThat(FoldedHighlights.onOriginal("some <mark>other</mark> text", "Ábrego García"))
                .isEqualTo("some <mark>other</mark> text");
        assertThat(FoldedHighlights.onOriginal("<mark>x</mark>", null)).isEqualTo("<mark>x</mark>");
    }
}
