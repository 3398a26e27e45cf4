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
import newsroom.nlp.ner.NameRecognizers;

/** The full pipeline: Lingua, CoreNLP CRF, knowledge base, rules, resolution. */
class ModelPipelineTest {

    static final HybridEntityExtractor EXTRACTOR = new HybridEntityExtractor(StarterKnowledgeBase::index,
            new LinguaLanguageIdentifier(List.of("en", "es", "fr", "de", "pt", "it")),
            NameRecognizers.create("corenlp", Map.of("model", "conll4")));

    private static Map<String, ArticleEntity> byId(Extraction e) {
        return e.entities().stream().collect(Collectors.toMap(ArticleEntity::id, x -> x));
    }

    @Test
    void unknownPeopleGetDeterministicIdsAndTheirSurnamesJoinThem() {
        String title = "Harbor board replaces director";
        String body = "The port authority named Rosalind Okafor as its new director on Monday. Okafor, a former "
                + "engineer, said she would review the contracts. He and she both spoke. The Secretary of State "
                + "sent a letter.";
        Extraction e = EXTRACTOR.extract(title, body);
        Map<String, ArticleEntity> entities = byId(e);
        assertThat(e.language()).isEqualTo("en");
        ArticleEntity okafor = entities.get("name:rosalind-okafor");
        assertThat(okafor).isNotNull();
        assertThat(okafor.mentions()).extracting(Mention::text).containsExactly("Rosalind Okafor", "Okafor");
        assertThat(entities.keySet()).noneMatch(id -> id.endsWith(":she") || id.endsWith(":he") || id.endsWith(":state"));
        // the same unknown person in another article gets the same id
        assertThat(byId(EXTRACTOR.extract("Port news", "Rosalind Okafor visited the docks."))).containsKey("name:rosalind-okafor");
    }

    @Test
    void titlesAreStrippedAndKnowledgeBaseWinsOverTheModel() {
        String body = "President Xiomara Castro of Honduras met Nayib Bukele. Castro later flew home. "
                + "Bukele's government and President Trump's aides issued statements.";
        Map<String, ArticleEntity> entities = byId(EXTRACTOR.extract(null, body));
        assertThat(entities.get("name:xiomara-castro").mentions()).extracting(Mention::text)
                .containsExactly("Xiomara Castro", "Castro");
        assertThat(entities.get("person:nayib-bukele").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("person:nayib-bukele").count()).isEqualTo(2);
        assertThat(entities).containsKeys("location:honduras", "person:donald-trump");
    }

    @Test
    void otherLanguagesGetTheKnowledgeBasePassAndALanguageTag() {
        String body = "El presidente Nayib Bukele anunció que los detenidos del Centro de Confinamiento del Terrorismo "
                + "seguirán en El Salvador, según un comunicado publicado el martes por la tarde.";
        Extraction e = EXTRACTOR.extract("Bukele habla sobre el CECOT", body);
        assertThat(e.language()).isEqualTo("es");
        assertThat(byId(e)).containsKeys("person:nayib-bukele", "facility:cecot", "location:el-salvador");
        assertThat(byId(e).get("facility:cecot").count()).isEqualTo(2);
    }

    @Test
    void offsetsPointIntoTheOriginalTextEvenWithMojibake() {
        String title = "Abrego GarcÃ\u00ADa\u2019s case";
        String body = "Lawyers for Kilmar Abrego Garc\u00EDa met Judge Paula Xinis. Marisol Quintero, his cousin, â€œwelcomedâ€\u009D it.";
        Extraction e = EXTRACTOR.extract(title, body);
        String text = ArticleText.of(title, body);
        for (ArticleEntity entity : e.entities()) {
            for (Mention m : entity.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
        assertThat(byId(e).get("person:kilmar-abrego-garcia").count()).isEqualTo(2);
        assertThat(byId(e)).containsKeys("person:paula-xinis", "name:marisol-quintero");
    }
}
