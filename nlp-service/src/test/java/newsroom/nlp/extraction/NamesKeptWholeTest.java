package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.Mention;
import newsroom.nlp.ner.RecognizedName.NameType;

/** Hyphens, apostrophes, particles and initials: one person, one entity, the name whole. */
class NamesKeptWholeTest {

    private static Map<String, ArticleEntity> extract(Map<String, NameType> engine, String body) {
        return ScriptedRecognizer.extractor(engine).extract("", body).entities().stream()
                .collect(Collectors.toMap(ArticleEntity::id, x -> x));
    }

    @Test
    void hyphenatedAndApostropheSurnamesJoinTheirFullName() {
        Map<String, ArticleEntity> e = extract(Map.of("Gustavo Flores-Macías", NameType.PERSON, "Flores-Macías",
                NameType.PERSON, "Ann O'Brien", NameType.PERSON, "O'Brien", NameType.PERSON),
                "Gustavo Flores-Macías wrote the study. Ann O'Brien agreed.\nLater Flores-Macías and O'Brien's team spoke.");
        assertThat(e.get("name:gustavo-flores-macias").mentions()).extracting(Mention::text)
                .containsExactly("Gustavo Flores-Macías", "Flores-Macías");
        assertThat(e.get("name:ann-obrien").mentions()).extracting(Mention::text)
                .containsExactly("Ann O'Brien", "O'Brien");
        assertThat(e).doesNotContainKeys("name:flores", "name:macias", "name:flores-macias");
    }

    @Test
    void particlesStayWithTheSurname() {
        Map<String, ArticleEntity> e = extract(Map.of("Hans van den Broek", NameType.PERSON, "Van den Broek",
                NameType.PERSON, "Hafez al-Assad", NameType.PERSON, "Carlos de la Cruz", NameType.PERSON),
                "Hans van den Broek met Hafez al-Assad and Carlos de la Cruz. Van den Broek said Assad would wait; "
                        + "Cruz agreed.");
        assertThat(e.get("name:hans-van-den-broek").mentions()).extracting(Mention::text)
                .containsExactly("Hans van den Broek", "Van den Broek");
        assertThat(e.get("name:hafez-al-assad").mentions()).extracting(Mention::text)
                .containsExactly("Hafez al-Assad", "Assad");
        assertThat(e.get("name:carlos-de-la-cruz").mentions()).extracting(Mention::text)
                .containsExactly("Carlos de la Cruz", "Cruz");
    }

    @Test
    void initialsAreWrittenOneWay() {
        // the engine found the surname alone in the second line: the initial joins it, and all three are one person
        Map<String, ArticleEntity> e = extract(Map.of("R. Smith", NameType.PERSON, "Smith", NameType.PERSON),
                "Somerset 254-7 (R. Smith 88)\nSomerset 120 (R Smith 40)\nSmith batted for four hours.");
        assertThat(e).containsOnlyKeys("name:r-smith");
        assertThat(e.get("name:r-smith").mentions()).extracting(Mention::text)
                .containsExactly("R. Smith", "R Smith", "Smith");
    }

    @Test
    void wordsGluedToTheFrontAreTrimmed() {
        Map<String, ArticleEntity> e = extract(Map.of("Scot Nick Smith", NameType.PERSON, "idle Denver Broncos",
                NameType.ORGANIZATION), "Scot Nick Smith is out. The idle Denver Broncos clinched.");
        assertThat(e).containsKeys("name:nick-smith", "name:denver-broncos");
    }
}
