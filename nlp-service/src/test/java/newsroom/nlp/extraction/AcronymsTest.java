package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.Mention;
import newsroom.nlp.ner.RecognizedName.NameType;

/** Acronyms join their expansion; "US" is the country where it means the country; headers are not organizations. */
class AcronymsTest {

    private static Map<String, ArticleEntity> extract(Map<String, NameType> engine, String title, String body) {
        return ScriptedRecognizer.entities(engine, title, body);
    }

    @Test
    void anAcronymDefinedInTheArticleIsItsExpansion() {
        Map<String, ArticleEntity> e = extract(Map.of("Office of Fair Trading", NameType.ORGANIZATION, "OFT",
                NameType.ORGANIZATION), "", "The Office of Fair Trading (OFT) opened an inquiry. The OFT said prices "
                + "rose. Builders wrote to the OFT.");
        assertThat(e).containsOnlyKeys("name:office-of-fair-trading");
        assertThat(e.get("name:office-of-fair-trading").mentions()).extracting(Mention::text)
                .containsExactly("Office of Fair Trading", "OFT", "OFT", "OFT");
    }

    @Test
    void anExpansionTypedMiscTakesTheTypeOfItsAcronym() {
        Map<String, ArticleEntity> e = extract(Map.of("Office of Fair Trading", NameType.MISC, "OFT",
                NameType.ORGANIZATION), "", "The Office of Fair Trading (OFT) opened an inquiry. The OFT said so.");
        assertThat(e).containsOnlyKeys("name:office-of-fair-trading");
        assertThat(e.get("name:office-of-fair-trading").count()).isEqualTo(3);
    }

    @Test
    void anExpansionTheEngineMissedOrCutIsMadeWhole() {
        Map<String, ArticleEntity> e = extract(Map.of("Mergers Commission", NameType.ORGANIZATION), "",
                "The Monopolies and Mergers Commission ( MMC ) cleared the deal. The Confederation of British Industry "
                        + "(CBI) agreed, and the MMC said so.");
        assertThat(e.get("name:monopolies-and-mergers-commission").mentions()).extracting(Mention::text)
                .containsExactly("Monopolies and Mergers Commission", "MMC", "MMC");
        assertThat(e.get("name:confederation-of-british-industry").mentions()).extracting(Mention::text)
                .containsExactly("Confederation of British Industry", "CBI");
        assertThat(e).doesNotContainKey("name:mergers-commission");
    }

    @Test
    void usIsTheCountryNotThePronoun() {
        Map<String, ArticleEntity> e = extract(Map.of(), "US STOCKS FALL, LET US PRAY",
                "US stocks fell. Traders told us that the U.S. economy grew.");
        assertThat(e.get("location:united-states").mentions()).extracting(Mention::text)
                .containsExactly("US", "US", "U.S.");
    }

    @Test
    void tableHeadersAndAbbreviationsAreNotOrganizations() {
        Map<String, ArticleEntity> e = extract(Map.of("GF GA", NameType.ORGANIZATION, "AGM", NameType.ORGANIZATION,
                "Zamalek", NameType.ORGANIZATION, "P W", NameType.ORGANIZATION), "",
                "Standings:\nP W D L GF GA Pts\nZamalek 10 7 2 1 19 7 23\nThe club holds its AGM next week.");
        assertThat(e).containsOnlyKeys("name:zamalek");
    }
}
