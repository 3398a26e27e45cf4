package newsroom.nlp.ner.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.NameRecognizers;
import newsroom.nlp.ner.RecognizedName;
import newsroom.nlp.ner.RecognizedName.NameType;

class CoreNlpNameRecognizerTest {

    private static final NameRecognizer RECOGNIZER = NameRecognizers.create("corenlp", Map.of("model", "conll4"));

    private static String found(String s, RecognizedName n) {
        return text(s, n) + " " + n.type();
    }

    private static String text(String s, RecognizedName n) {
        return s.substring(n.start(), n.end());
    }

    @Test
    void findsPeopleOrganizationsAndPlacesWithOffsets() {
        String s = "Judge Maria Delgado of the Ninth Circuit said on Tuesday that Oxfam workers in Nairobi were safe.\n"
                + "Separately, Pedro Alvarenga flew to Lisbon.";
        List<RecognizedName> names = RECOGNIZER.recognize(s);
        assertThat(names).anySatisfy(n -> {
            assertThat(text(s, n)).isEqualTo("Maria Delgado");
            assertThat(n.type()).isEqualTo(NameType.PERSON);
        });
        assertThat(names).anySatisfy(n -> {
            assertThat(text(s, n)).isEqualTo("Pedro Alvarenga");
            assertThat(n.type()).isEqualTo(NameType.PERSON);
        });
        assertThat(names).anySatisfy(n -> {
            assertThat(text(s, n)).isEqualTo("Nairobi");
            assertThat(n.type()).isEqualTo(NameType.LOCATION);
        });
        assertThat(names).anySatisfy(n -> assertThat(text(s, n)).isEqualTo("Lisbon"));
    }

    @Test
    void hyphenatedNamesStayWhole() {
        String s = "The flautist Jean-Pierre Rampal played in Paris, and Al-Ahly beat Zamalek in Cairo.";
        List<RecognizedName> names = RECOGNIZER.recognize(s);
        assertThat(names).anySatisfy(n -> {
            assertThat(text(s, n)).isEqualTo("Jean-Pierre Rampal");
            assertThat(n.type()).isEqualTo(NameType.PERSON);
        });
        assertThat(names).anySatisfy(n -> assertThat(text(s, n)).isEqualTo("Al-Ahly"));
        assertThat(names).noneSatisfy(n -> assertThat(text(s, n)).isIn("Pierre Rampal", "Ahly"));
    }

    @Test
    void newlinesAreSentenceBoundaries() {
        String s = "Harbor News\nWalter Brennan opened the new wing.";
        List<RecognizedName> names = RECOGNIZER.recognize(s);
        assertThat(names).noneSatisfy(n -> assertThat(s.substring(n.start(), n.end())).contains("\n"));
    }

    @Test
    void longLinesAreChunkedAndOffsetsStayRight() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 3 * CoreNlpNameRecognizer.MAX_CHUNK) {
            b.append("Officials in Lisbon met Pedro Alvarenga again. ");
        }
        String s = b.toString();
        List<RecognizedName> names = RECOGNIZER.recognize(s);
        assertThat(names).hasSizeGreaterThan(10);
        assertThat(names).allSatisfy(n -> assertThat(text(s, n)).isIn("Lisbon", "Pedro Alvarenga"));
    }

    @Test
    void emptyAndBinaryTextGiveNothingAndNoError() {
        assertThat(RECOGNIZER.recognize("")).isEmpty();
        assertThat(RECOGNIZER.recognize("\u0000\u0001\u0002 \uFFFD\uFFFD ### \n\n")).isEmpty();
    }

    @Test
    void theSpanishModelFindsSpanishNamesWithOurClasses() {
        NameRecognizer spanish = NameRecognizers.create("corenlp", Map.of("model", "spanish"));
        String s = "La ministra Lucía Arévalo viajó a Tegucigalpa, donde el Ministerio de Hacienda de Honduras la recibió.";
        List<RecognizedName> names = spanish.recognize(s);
        assertThat(spanish.name()).isEqualTo("corenlp-crf-spanish.ancora");
        assertThat(names).anySatisfy(n -> assertThat(found(s, n)).isEqualTo("Lucía Arévalo PERSON"));
        assertThat(names).anySatisfy(n -> assertThat(found(s, n)).isEqualTo("Tegucigalpa LOCATION"));
        assertThat(names).anySatisfy(n -> assertThat(found(s, n)).startsWith("Ministerio de Hacienda").endsWith("ORGANIZATION"));
    }
}
