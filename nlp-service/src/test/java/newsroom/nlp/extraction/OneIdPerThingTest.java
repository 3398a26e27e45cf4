package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.ner.RecognizedName.NameType;

/**
 * An entity the knowledge base does not know has one id in every article, whatever type each article's engine votes
 * for; plurals join the entity the article or the knowledge base names in the singular, and only then.
 */
class OneIdPerThingTest {

    private static Map<String, ArticleEntity> extract(Map<String, NameType> engine, String title, String body) {
        return ScriptedRecognizer.entities(engine, title, body);
    }

    @Test
    void twoArticlesTwoVotesOneId() {
        Map<String, ArticleEntity> first = extract(Map.of("Oval Office", NameType.ORGANIZATION), "",
                "Aides met in the Oval Office on Tuesday, and the Oval Office later issued a statement.");
        Map<String, ArticleEntity> second = extract(Map.of("Oval Office", NameType.LOCATION), "",
                "Reporters waited outside the Oval Office until dusk.");
        assertThat(first).containsOnlyKeys("name:oval-office");
        assertThat(second).containsOnlyKeys("name:oval-office");
        // the type stays each article's own vote
        assertThat(first.get("name:oval-office").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(second.get("name:oval-office").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void anExpansionRetypedByItsAcronymKeepsTheIdItHasWithoutOne() {
        Map<String, ArticleEntity> defined = extract(Map.of("Office of Fair Trading", NameType.MISC, "OFT",
                NameType.ORGANIZATION), "", "The Office of Fair Trading (OFT) opened an inquiry. The OFT said so.");
        Map<String, ArticleEntity> alone = extract(Map.of("Office of Fair Trading", NameType.MISC), "",
                "A report by the Office of Fair Trading was published.");
        assertThat(defined).containsOnlyKeys("name:office-of-fair-trading");
        assertThat(alone).containsOnlyKeys("name:office-of-fair-trading");
        assertThat(defined.get("name:office-of-fair-trading").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(alone.get("name:office-of-fair-trading").type()).isEqualTo(EntityType.MISC);
    }

    @Test
    void aPluralJoinsTheSingularTheArticleNames() {
        Map<String, ArticleEntity> e = extract(Map.of("Bafta", NameType.ORGANIZATION, "Baftas", NameType.MISC), "",
                "The film won two Baftas. Bafta said the vote was close, and the Baftas will move to May.");
        assertThat(e).containsOnlyKeys("name:bafta");
        assertThat(e.get("name:bafta").mentions()).extracting(Mention::text)
                .containsExactly("Baftas", "Bafta", "Baftas");
    }

    @Test
    void aPluralAloneIsNeverCutToASingularNobodyWrote() {
        Map<String, ArticleEntity> e = extract(Map.of("Baftas", NameType.MISC, "Athens", NameType.LOCATION,
                "Venus Williams", NameType.PERSON, "Williams", NameType.PERSON), "",
                "Venus Williams skipped the Baftas in Athens. Williams flew home.");
        assertThat(e).containsOnlyKeys("name:baftas", "name:athens", "name:venus-williams");
    }

    @Test
    void theSurnameOfAPersonInThePluralIsAFamilyNotThePerson() {
        Map<String, ArticleEntity> e = extract(Map.of("Tom Smith", NameType.PERSON, "Smith", NameType.PERSON,
                "Smiths", NameType.ORGANIZATION, "Trumps", NameType.PERSON), "",
                "Tom Smith said Smith would retire; the Smiths sold the farm to the Trumps.");
        assertThat(e).containsOnlyKeys("name:tom-smith", "name:smiths", "name:trumps");
        assertThat(e.get("name:tom-smith").count()).isEqualTo(2);
    }

    @Test
    void demonymsInThePluralJoinTheKnowledgeBaseDemonym() {
        Map<String, ArticleEntity> e = extract(Map.of("Salvadorians", NameType.MISC, "Salvadorans", NameType.MISC,
                "Salvadoran", NameType.MISC), "",
                "Salvadorians abroad sent money home. Many Salvadorans voted, and a Salvadoran court ruled.");
        assertThat(e).containsOnlyKeys("misc:salvadoran");
        assertThat(e.get("misc:salvadoran").mentions()).extracting(Mention::text)
                .containsExactly("Salvadorians", "Salvadorans", "Salvadoran");
    }
}
