package newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldsAccentsAndCase() {
        assertThat(TextFolding.fold("Kilmar Ábrego García")).isEqualTo("kilmar abrego garcia");
        assertThat(TextFolding.fold("São Paulo, Zürich, Łódź, Øresund")).isEqualTo("sao paulo, zurich, lodz, oresund");
    }

    @Test
    void keepsTheLengthSoHighlightOffsetsLineUp() {
        String text = "Nayib Bukele met García at CECOT — «Centro de Confinamiento del Terrorismo» in Tecoluca.";
        String folded = TextFolding.foldPreservingLength(text);
        assertThat(folded).hasSameSizeAs(text);
        assertThat(folded).contains("Garcia").contains("«Centro");
    }

    @Test
    void decomposedAccentsAreComposedFirst() {
        String decomposed = "Garci\u0301a"; // i + combining acute
        assertThat(TextFolding.normalize(decomposed)).isEqualTo("García");
        assertThat(TextFolding.foldPreservingLength(decomposed)).isEqualTo("Garcia");
    }

    @Test
    void leavesNonLatinScriptsAndSymbolsAlone() {
        assertThat(TextFolding.fold("Москва € 東京")).isEqualTo("москва € 東京");
        assertThat(TextFolding.foldPreservingLength(null)).isNull();
    }
}
