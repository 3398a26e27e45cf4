package newsroom.nlp.nogpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.nlp.Extraction;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.ner.NameRecognizers;
import newsroom.nlp.quality.GoldSetEvaluation;

/**
 * The nlp-service without any GPL code on its classpath (nlp-corenlp and CoreNLP excluded in this module's pom):
 * its classes load, no statistical engine is found, and the extractor the service wires with engine "none" still
 * links knowledge-base names and applies the rules.
 */
class WithoutGplTest {

    @Test
    void noCoreNlpClassIsOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("edu.stanford.nlp.ie.crf.CRFClassifier"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("newsroom.nlp.ner.corenlp.CoreNlpRecognizerProvider"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(NameRecognizers.engines()).isEmpty();
    }

    @Test
    void theKnowledgeBaseAndTheRulesStillExtract() {
        EntityExtractor extractor = GoldSetEvaluation.starterExtractor("none", "-");
        Extraction result = extractor.extract("Transfers to the prison in El Salvador",
                "Lawyers for Kilmar Abrego García told the court on Tuesday that the transfers to CECOT under the "
                        + "Alien Enemies Act had cost the government $6 million. Bukele said nothing about it.");

        Map<String, EntityType> found = result.entities().stream()
                .collect(Collectors.toMap(ArticleEntity::id, ArticleEntity::type, (a, b) -> a));
        assertThat(found).containsEntry("person:kilmar-abrego-garcia", EntityType.PERSON)
                .containsEntry("person:nayib-bukele", EntityType.PERSON)
                .containsEntry("facility:cecot", EntityType.FACILITY)
                .containsEntry("law:alien-enemies-act", EntityType.LAW)
                .containsEntry("location:el-salvador", EntityType.LOCATION);
        assertThat(found.values()).as("the money rule").contains(EntityType.MONEY);
        assertThat(extractor.engine()).doesNotContainIgnoringCase("corenlp");
    }
}
