package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.Extraction;
import newsroom.nlp.KbEntry;
import newsroom.nlp.ner.RecognizedName.NameType;

/** The engine's judgement is the floor: the knowledge base links whole spans, never cuts or retypes a longer one. */
class EngineFloorTest {

    private static final KbEntry DENVER = new KbEntry("location:denver", "Denver", EntityType.LOCATION, "City.",
            List.of(), Map.of());
    private static final KbEntry JORDAN = new KbEntry("location:jordan", "Jordan", EntityType.LOCATION, "Country.",
            List.of(), Map.of());

    private static Map<String, ArticleEntity> byId(Extraction e) {
        return e.entities().stream().collect(Collectors.toMap(ArticleEntity::id, x -> x));
    }

    @Test
    void aKnownPlaceInsideALongerEngineNameDoesNotCutIt() {
        HybridEntityExtractor extractor = ScriptedRecognizer.extractor(Map.of("Denver Broncos", NameType.ORGANIZATION,
                "Chamber of Commerce and Industry of El Salvador", NameType.ORGANIZATION), DENVER);
        Corrections corrections = new Corrections();
        Extraction e = extractor.extract("Broncos idle", "The idle Denver Broncos watched. The Chamber of Commerce and "
                + "Industry of El Salvador asked for talks. El Salvador and Denver were quiet.", Deadline.NONE, corrections);
        Map<String, ArticleEntity> entities = byId(e);
        assertThat(entities.get("name:denver-broncos").mentions()).extracting(Mention::text)
                .containsExactly("Denver Broncos");
        assertThat(entities.get("name:chamber-of-commerce-and-industry-of-el-salvador").count()).isEqualTo(1);
        // the places alone are still linked by the knowledge base
        assertThat(entities.get("location:el-salvador").mentions()).extracting(Mention::text).containsExactly("El Salvador");
        assertThat(entities.get("location:denver").mentions()).extracting(Mention::text).containsExactly("Denver");
        assertThat(corrections.counts())
                .containsEntry("knowledge base: kept the engine's span over a shorter or crossing name", 2);
    }

    @Test
    void aOneWordAliasNeverRetypesAPersonsFullName() {
        HybridEntityExtractor extractor = ScriptedRecognizer.extractor(Map.of("Ray Jordan", NameType.PERSON), JORDAN);
        Map<String, ArticleEntity> entities = byId(extractor.extract("Golf", "American Ray Jordan was a stroke behind. "
                + "Jordan said the greens were fast. Officials in Jordan were pleased."));
        assertThat(entities.get("name:ray-jordan").type()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get("name:ray-jordan").mentions()).extracting(Mention::text).first().isEqualTo("Ray Jordan");
        assertThat(entities).containsKey("location:jordan");
    }

    @Test
    void theKnowledgeBaseLinksAWholeSpanAndExtendsAShorterOne() {
        HybridEntityExtractor extractor = ScriptedRecognizer.extractor(Map.of("Bukele", NameType.ORGANIZATION,
                "Abrego Garcia", NameType.PERSON));
        Corrections corrections = new Corrections();
        Map<String, ArticleEntity> entities = byId(extractor.extract("", "Bukele spoke about Kilmar Abrego Garcia.",
                Deadline.NONE, corrections));
        // one word, same extent: the knowledge base may type it
        assertThat(entities.get("person:nayib-bukele").mentions()).extracting(Mention::text).containsExactly("Bukele");
        assertThat(entities.get("person:kilmar-abrego-garcia").mentions()).extracting(Mention::text)
                .containsExactly("Kilmar Abrego Garcia");
        assertThat(corrections.counts()).containsEntry("knowledge base: extended the engine's span", 1)
                .containsEntry("knowledge base: retyped the engine's span ORGANIZATION -> PERSON", 1);
    }

    @Test
    void theBareEngineIsItsOwnNamesUntouched() {
        HybridEntityExtractor bare = ScriptedRecognizer.extractor(Map.of("President Trump", NameType.PERSON))
                .withStages(java.util.EnumSet.noneOf(Stage.class));
        Map<String, ArticleEntity> entities = byId(bare.extract("", "President Trump met Bukele in March."));
        assertThat(entities).containsOnlyKeys("name:president-trump");
    }
}
