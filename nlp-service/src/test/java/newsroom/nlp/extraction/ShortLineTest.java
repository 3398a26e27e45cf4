package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortLineTest {

    @Test
    void findsTheLineAroundAPosition() {
        String text = "Title\nP W D L GF GA\nThe body.";
        ShortLine line = ShortLine.around(text, text.indexOf("GF"));
        assertThat(line.of(text)).isEqualTo("P W D L GF GA");
        assertThat(ShortLine.around(text, 0).of(text)).isEqualTo("Title");
        assertThat(ShortLine.around(text, text.length()).of(text)).isEqualTo("The body.");
    }

    @Test
    void aLineLongerThanTheBoundIsNoHeader() {
        String longLine = "word ".repeat(200_000);
        String text = "Title\n" + longLine + "\nEnd";
        assertThat(ShortLine.around(text, text.length() / 2)).isNull();
        assertThat(NameCleaner.onTableHeader(text, text.length() / 2)).isFalse();
        assertThat(ShortLine.startBefore(text, text.length() / 2)).isEqualTo(text.length() / 2 - ShortLine.MAX);
        assertThat(ShortLine.startBefore(text, 8)).isEqualTo(6);
    }
}
