package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import newsroom.support.text.TextFolding;

class CaseRestorerTest {

    private static String restore(String text) {
        return CaseRestorer.restore(text, StarterKnowledgeBase.index(), TextFolding.fold(text), Corrections.NONE);
    }

    @Test
    void capitalLinesTakeTheArticlesOwnCaseAndKeepTheirLength() {
        String text = "BASKETBALL - BULLS BEAT LAKERS AS JORDAN SCORES 40 .\nCHICAGO 1996-12-17\n"
                + "Michael Jordan scored 40 points as the Chicago Bulls beat the Los Angeles Lakers on Tuesday .";
        String restored = restore(text);
        assertThat(restored).hasSameSizeAs(text)
                .startsWith("Basketball - Bulls beat Lakers as Jordan scores 40 .\nChicago 1996-12-17\n")
                .endsWith(text.substring(text.indexOf("Michael")));
    }

    @Test
    void knownNamesTakeTheirAliasCaseAndAcronymsStayCapitals() {
        String text = "EL SALVADOR - UN ENVOY MEETS BUKELE IN SAN SALVADOR .\nThe UN envoy arrived on Monday .";
        assertThat(restore(text)).startsWith("El Salvador - UN envoy meets Bukele in San Salvador .");
    }

    @Test
    void mixedCaseTextAndShortCapitalsAreLeftAlone() {
        String text = "The court met in Washington.\nNEW\nP W D L GF GA Pts";
        assertThat(restore(text)).isEqualTo(text);
        assertThat(CaseRestorer.capitalLines("ABC\nLEAGUE LEADERS BEAT BOSTON")).hasDimensions(1, 2);
    }
}
