package newsroom.nlp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import newsroom.nlp.extraction.HybridEntityExtractor;
import newsroom.nlp.extraction.Stage;
import newsroom.nlp.extraction.StarterKnowledgeBase;

class ConllEvaluationTest {

    private static final Path SAMPLE = Path.of("src/test/resources/conll/sample.conll");

    @Test
    void readsIob1AndIob2IntoDocumentsWithCharacterSpans() {
        List<ConllEvaluation.Document> docs = ConllEvaluation.read(SAMPLE);
        assertThat(docs).hasSize(2);
        ConllEvaluation.Document first = docs.get(0);
        assertThat(first.text()).startsWith("Rosalind Okafor visited Lisbon with the Kestrel Shipping Company .\nOkafor");
        assertThat(first.gold()).containsEntry("0:15", "PER").containsEntry("24:30", "LOC")
                .containsEntry("40:64", "ORG").hasSize(4);
        // IOB1: I- tags start entities; a new class ends the previous one
        assertThat(docs.get(1).gold()).isEqualTo(Map.of("0:12", "PER", "17:29", "PER", "33:43", "LOC"));
    }

    /**
     * Newswire in CoNLL format written for this test (Conll files under src/test/resources/conll): "tuned" was used
     * while building the stages, "heldout" only to measure them, "heldout-wire" (business wire and politics, from quality/heldout-wire.txt) written
     * after them and measured before any change it led to. The hybrid must not lose to its own engine.
     */
    @ParameterizedTest
    @ValueSource(strings = { "tuned.conll", "heldout.conll", "heldout-wire.conll" })
    void theHybridScoresAtLeastTheBareEngine(String file) {
        List<ConllEvaluation.Document> docs = ConllEvaluation.read(Path.of("src/test/resources/conll", file));
        HybridEntityExtractor hybrid = GoldSetEvaluation.starterHybrid("corenlp", "conll4");
        Scores engine = ConllEvaluation.evaluate(hybrid.withStages(EnumSet.noneOf(Stage.class)), docs);
        Scores full = ConllEvaluation.evaluate(hybrid, docs);
        assertThat(full.total().support()).isGreaterThan(50);
        assertThat(full.total().f1()).isGreaterThanOrEqualTo(engine.total().f1());
        for (String cls : List.of("PER", "LOC", "ORG", "MISC")) {
            assertThat(full.of(cls).f1()).as(cls).isGreaterThanOrEqualTo(engine.of(cls).f1() - 0.01);
        }
    }

    @Test
    void scoresExactSpansPerClass() {
        // knowledge base only: finds Bukele, Trump and Washington, nothing in the first document
        Scores s = ConllEvaluation.evaluate(new HybridEntityExtractor(StarterKnowledgeBase::index),
                ConllEvaluation.read(SAMPLE));
        assertThat(s.of("PER").support()).isEqualTo(4);
        assertThat(s.of("PER").recall()).isEqualTo(0.5);
        assertThat(s.of("PER").precision()).isEqualTo(1.0);
        assertThat(s.of("LOC").recall()).isEqualTo(0.5);
        assertThat(s.of("ORG").recall()).isEqualTo(0.0);
    }
}
