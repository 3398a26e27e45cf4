package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void keepsParagraphsAndDropsScriptsStylesAndNavigation() {
        String html = """
                <html><head><style>p { color: red }</style><script>track()</script></head>
                <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
                <h1>Harbour reopens</h1>
                <p>The harbour reopened on <b>Tuesday</b> after a week of storms.</p>
                <p>Ferries resumed<br>their usual timetable.</p>
                <footer>Copyright the paper</footer></body></html>""";
        assertThat(HtmlText.toPlainText(html)).isEqualTo(
                "Harbour reopens\n\nThe harbour reopened on Tuesday after a week of storms.\n\nFerries resumed\ntheir usual timetable.");
    }

    @Test
    void plainTextIsLeftAlone() {
        String text = "Rates rose by 0.25 points. Analysts expected 3 < 4 and 5 > 2.";
        assertThat(HtmlText.looksLikeHtml(text)).isFalse();
        assertThat(HtmlText.toPlainText(text)).isSameAs(text);
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(HtmlText.toPlainText("<p>Caf&eacute; &amp; bar reopen</p>")).isEqualTo("Café & bar reopen");
    }

    @Test
    void aTagNeedsAClosingBracketSomewhereAfterItsName() {
        assertThat(HtmlText.looksLikeHtml("Pay <b when due, not before")).isFalse();
        assertThat(HtmlText.looksLikeHtml("Pay <b when due> please")).isTrue();
        assertThat(HtmlText.looksLikeHtml("a > b and then <p")).as("the only > comes before the tag").isFalse();
        assertThat(HtmlText.looksLikeHtml("<pre>code</pre>")).as("pre is not one of the tell-tale tags").isFalse();
        assertThat(HtmlText.looksLikeHtml("<P>Upper case</P>")).isTrue();
        assertThat(HtmlText.looksLikeHtml("<  div class=x>spaced</div>")).isTrue();
        assertThat(HtmlText.looksLikeHtml(null)).isFalse();
    }

    /**
     * Crafted inputs of 400 KB that made the old pattern backtrack quadratically (no answer after minutes). The guard
     * is generous (each takes well under a second here); it only stops a hang from holding the build.
     */
    @Test
    void craftedInputsFinishInLinearTime() {
        int size = 400_000;
        String openWithoutClose = "<p ".repeat(size / 3);
        String closedOnlyAtTheEnd = "<p ".repeat(size / 3) + ">";
        String attributesNeverClosed = "<div class=\"".repeat(size / 12);
        String bracketsOnly = "< ".repeat(size / 2) + ">";
        String deepNesting = "<div>".repeat(size / 10) + "deep" + "</div>".repeat(size / 10);
        String unclosedItems = "<ul><li>item".repeat(size / 12);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(HtmlText.toPlainText(openWithoutClose)).isSameAs(openWithoutClose);
            assertThat(HtmlText.toPlainText(attributesNeverClosed)).isSameAs(attributesNeverClosed);
            assertThat(HtmlText.toPlainText(bracketsOnly)).isSameAs(bracketsOnly);
            assertThat(HtmlText.looksLikeHtml(closedOnlyAtTheEnd)).isTrue();
            assertThat(HtmlText.toPlainText(closedOnlyAtTheEnd)).isEmpty();
            assertThat(HtmlText.toPlainText(deepNesting)).isEqualTo("deep");
            assertThat(HtmlText.toPlainText(unclosedItems)).startsWith("item\n\nitem").hasSize(size / 12 * 6 - 2);
        });
    }
}
