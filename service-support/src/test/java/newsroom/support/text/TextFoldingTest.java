package newsroom.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.events.EntityType;

class TextFoldingTest {

    /** Names whose folding used to differ between the nlp-service and the search-service. */
    static final List<String> TRICKY = List.of("Straße", "Æsir", "O’Brien", "Garci\u0301a", "ABREGO GARCÍA", "Łódź",
            "Œuvre");

    @Test
    void foldsAccentsAndCase() {
        assertThat(TextFolding.key("Kilmar Ábrego García")).isEqualTo("kilmar abrego garcia");
        assertThat(TextFolding.key("São Paulo, Zürich, Łódź, Øresund")).isEqualTo("sao paulo, zurich, lodz, oresund");
    }

    @Test
    void foldsLettersWithoutADecompositionByHand() {
        assertThat(TextFolding.key("Straße")).isEqualTo("strase");
        assertThat(TextFolding.key("Æsir")).isEqualTo("asir");
        assertThat(TextFolding.key("Œuvre")).isEqualTo("ouvre");
        assertThat(TextFolding.key("O’Brien")).isEqualTo("o'brien");
        assertThat(TextFolding.key("Þór Ðađ İstanbul")).isEqualTo("tor dad istanbul");
    }

    @Test
    void keepsTheLengthSoHighlightOffsetsLineUp() {
        String text = "Nayib Bukele met García at CECOT — «Centro de Confinamiento del Terrorismo» in Tecoluca.";
        String folded = TextFolding.foldPreservingCase(text);
        assertThat(folded).hasSameSizeAs(text);
        assertThat(folded).contains("Garcia").contains("«Centro").contains("Nayib");
        assertThat(TextFolding.fold(text)).hasSameSizeAs(text).startsWith("nayib bukele met garcia");
    }

    @Test
    void decomposedAccentsAreComposedFirst() {
        String decomposed = "Garci\u0301a"; // i + combining acute
        assertThat(TextFolding.normalize(decomposed)).isEqualTo("García");
        assertThat(TextFolding.foldPreservingCase(decomposed)).isEqualTo("Garcia");
        assertThat(TextFolding.key(decomposed)).isEqualTo("garcia");
    }

    @Test
    void leavesNonLatinScriptsAndSymbolsAlone() {
        assertThat(TextFolding.key("Москва € 東京")).isEqualTo("москва € 東京");
        assertThat(TextFolding.foldPreservingCase(null)).isNull();
        assertThat(TextFolding.key(null)).isNull();
    }

    /**
     * The nlp-service keys a knowledge-base alias by folding the stripped, NFC-normalised alias character by
     * character; the search-service keys a query, a prefix or an indexed name with {@link TextFolding#key}. Both must
     * give one string for one name, in every spelling of it, or an entity found by nlp is not found by search.
     */
    @Test
    void aKnowledgeBaseAliasKeyAndASearchKeyAgree() {
        for (String name : TRICKY) {
            String aliasKey = TextFolding.fold(TextFolding.normalize(("  " + name + " ").strip()));
            assertThat(aliasKey).as(name).isEqualTo(TextFolding.key(name));
            assertThat(TextFolding.key(name.toLowerCase(java.util.Locale.ROOT))).as(name).isEqualTo(TextFolding.key(name));
        }
        assertThat(TextFolding.key("Garci\u0301a")).isEqualTo(TextFolding.key("GARCIA"));
        assertThat(TextFolding.key("ABREGO GARCÍA")).isEqualTo(TextFolding.key("Abrego Garcia"));
        assertThat(TextFolding.key("Łódź")).isEqualTo("lodz");
    }

    @Test
    void entityIdsUseTheSameFolding() {
        assertThat(EntityIds.of(EntityType.PERSON, "Kilmar Ábrego García")).isEqualTo("person:kilmar-abrego-garcia");
        assertThat(EntityIds.of(EntityType.PERSON, "Kilmar Abrego Garci\u0301a")).isEqualTo("person:kilmar-abrego-garcia");
        assertThat(EntityIds.of(EntityType.LOCATION, "Straße des 17. Juni")).isEqualTo("location:strase-des-17-juni");
        assertThat(EntityIds.of(EntityType.PERSON, "Conan O’Brien")).isEqualTo("person:conan-obrien");
        assertThat(EntityIds.of(EntityType.MONEY, "$2.1 million")).isEqualTo("money:usd-2.1-million");
    }
}
