package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.ArticleText;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;

class HybridEntityExtractorTest {

    private final HybridEntityExtractor extractor = new HybridEntityExtractor(StarterKnowledgeBase::index);

    private static Map<String, ArticleEntity> byId(Extraction e) {
        return e.entities().stream().collect(Collectors.toMap(ArticleEntity::id, x -> x));
    }

    private static void assertOffsetsPointAtText(String title, String body, Extraction extraction) {
        String text = ArticleText.of(title, body);
        for (ArticleEntity e : extraction.entities()) {
            for (Mention m : e.mentions()) {
                assertThat(text.substring(m.start(), m.end())).as(e.id()).isEqualTo(m.text());
            }
        }
    }

    @Test
    void linksTheDeportationStorySpellingsToOneEntityEach() {
        String title = "Abrego García returned from CECOT";
        String body = "Kilmar Abrego Garcia, deported in March to the Terrorism Confinement Center in El Salvador, "
                + "was flown back. President Trump and Nayib Bukele met at the White House; Bukele said the man "
                + "was an MS-13 member. Officials also cited Tren de Aragua, MS13 and the Mara Salvatrucha, and the "
                + "Alien Enemies Act of 1798. Garcia's lawyers went to the Supreme Court. Donald Trump and Trump's "
                + "aides, ICE and DHS declined comment. Venezuela objected. The Centro de Confinamiento del Terrorismo holds thousands.";
        Extraction extraction = extractor.extract(title, body);
        Map<String, ArticleEntity> entities = byId(extraction);

        assertThat(entities.get("person:kilmar-abrego-garcia").mentions()).extracting(Mention::text)
                .containsExactly("Abrego García", "Kilmar Abrego Garcia", "Garcia");
        assertThat(entities.get("facility:cecot").mentions()).extracting(Mention::text)
                .containsExactly("CECOT", "Terrorism Confinement Center", "Centro de Confinamiento del Terrorismo");
        assertThat(entities.get("organization:ms-13").mentions()).extracting(Mention::text)
                .containsExactly("MS-13", "MS13", "Mara Salvatrucha");
        assertThat(entities.get("law:alien-enemies-act").mentions()).extracting(Mention::text)
                .containsExactly("Alien Enemies Act of 1798");
        assertThat(entities.get("person:donald-trump").mentions()).extracting(Mention::text)
                .containsExactly("Trump", "Donald Trump", "Trump");
        assertThat(entities.get("person:nayib-bukele").mentions()).extracting(Mention::text)
                .containsExactly("Nayib Bukele", "Bukele");
        assertThat(entities).containsKeys("organization:tren-de-aragua", "location:el-salvador", "location:venezuela",
                "organization:us-supreme-court", "organization:ice", "organization:dhs", "facility:white-house",
                "date:march");
        assertThat(entities.get("person:kilmar-abrego-garcia").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("facility:cecot").type()).isEqualTo(EntityType.FACILITY);
        assertOffsetsPointAtText(title, body, extraction);
    }

    @Test
    void offsetsSurviveMojibakeTypographicQuotesAndDecomposedAccents() {
        String title = "\u201CTrump\u2019s plan\u201D";
        String body = "Abrego Garci\u0301a spoke. Then Abrego GarcÃ\u00ADa again, and Bukele\u2019s prison CECOT.";
        Extraction extraction = extractor.extract(title, body);
        Map<String, ArticleEntity> entities = byId(extraction);
        assertThat(entities.get("person:donald-trump").mentions()).extracting(Mention::text).containsExactly("Trump");
        assertThat(entities.get("person:kilmar-abrego-garcia").mentions()).extracting(Mention::text)
                .containsExactly("Abrego Garci\u0301a", "Abrego GarcÃ\u00ADa");
        assertThat(entities).containsKeys("person:nayib-bukele", "facility:cecot");
        assertOffsetsPointAtText(title, body, extraction);
    }

    @Test
    void caseRulesKeepCommonWordsOut() {
        Extraction extraction = extractor.extract("Winter roads", "The ice on the road will trump any plan, the senator said.");
        assertThat(extraction.entities()).isEmpty();
    }

    @Test
    void rulesFindMoneyPercentDatesAndLaws() {
        String body = "The county approved $6 million and later $2.1 billion, a 12% rise, on June 3, 2025, under the "
                + "Clean Water Act. Officials moved inmates to Rikers Island Jail.";
        Map<String, ArticleEntity> entities = byId(extractor.extract(null, body));
        assertThat(entities).containsKeys("money:usd-6-million", "money:usd-2.1-billion", "percent:12-percent",
                "date:june-3-2025", "name:clean-water-act", "name:rikers-island-jail");
    }

    @Test
    void emptyAndJunkInputGiveNoEntitiesAndNoError() {
        assertThat(extractor.extract(null, "").entities()).isEmpty();
        assertThat(extractor.extract("", "\u0000\u0001\uFFFF\uD800 ### \n\n\n").entities()).isEmpty();
    }

    @Test
    void salienceIsHigherForTheHeadlineEntity() {
        Extraction e = extractor.extract("Bukele opens prison", "In El Salvador the president spoke. Bukele said more. "
                + "Venezuela was mentioned once at the end.");
        List<ArticleEntity> entities = e.entities();
        assertThat(entities.get(0).id()).isEqualTo("person:nayib-bukele");
        assertThat(entities).allSatisfy(x -> assertThat(x.salience()).isBetween(0.0, 1.0));
    }
}
