package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
}
