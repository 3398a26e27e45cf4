package newsroom.nlp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.EntityType;
import newsroom.nlp.extraction.HybridEntityExtractor;
import newsroom.nlp.extraction.Stage;

/**
 * All-capital headlines, datelines and tables (issue 11 item 4): the engine reads them recased from the article's own
 * mixed-case words and the knowledge base, and the names found there are mapped back onto the capitals as written.
 */
class CapitalLinesTest {

    private static final HybridEntityExtractor HYBRID = GoldSetEvaluation.starterHybrid("corenlp", "conll4");

    private static final String TITLE = "BASKETBALL - HAWKS EDGE CELTICS AS OKONKWO SCORES 38 .";
    private static final String BODY = "ATLANTA 1997-01-14\n"
            + "Chidi Okonkwo scored 38 points as the Atlanta Hawks edged the Boston Celtics 101-99 on Tuesday night .\n"
            + "Okonkwo hit the winning basket with four seconds left , and the Celtics coach said his team had run out "
            + "of ideas .";

    @Test
    void namesInCapitalLinesAreFoundWithTheirTypesAndTheirOffsetsAsWritten() {
        Map<String, EntityType> inCapitals = capitalMentions(HYBRID);
        assertThat(inCapitals).containsEntry("HAWKS", EntityType.ORGANIZATION)
                .containsEntry("CELTICS", EntityType.ORGANIZATION)
                .containsEntry("OKONKWO", EntityType.PERSON)
                .containsEntry("ATLANTA", EntityType.LOCATION);
        assertThat(inCapitals).doesNotContainKeys("BASKETBALL", "EDGE", "SCORES");
    }

    /** On the held-out newswire (17 headlines and datelines in capitals) the stage adds and costs nothing elsewhere. */
    @Test
    void theTruecaseStageGainsOnHeldOutNewswire() {
        List<ConllEvaluation.Document> docs = ConllEvaluation.read(Path.of("src/test/resources/conll/heldout.conll"));
        Scores without = ConllEvaluation.evaluate(
                HYBRID.withStages(EnumSet.of(Stage.KNOWLEDGE_BASE, Stage.RULES, Stage.RESOLUTION)), docs);
        Scores with = ConllEvaluation.evaluate(HYBRID, docs);
        // measured 0.866 -> 0.881 micro F1 when written
        assertThat(with.total().f1()).isGreaterThanOrEqualTo(without.total().f1() + 0.01);
        for (String cls : List.of("PER", "LOC", "ORG", "MISC")) {
            assertThat(with.of(cls).f1()).as(cls).isGreaterThanOrEqualTo(without.of(cls).f1());
        }
    }

    /** Mentions inside the title and the dateline, by their text as written. */
    private static Map<String, EntityType> capitalMentions(HybridEntityExtractor extractor) {
        int capitalsEnd = TITLE.length() + 2 + BODY.indexOf('\n');
        return extractor.extract(TITLE, BODY).entities().stream()
                .flatMap(e -> e.mentions().stream().filter(m -> m.end() <= capitalsEnd)
                        .map(m -> Map.entry(m.text(), e.type())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
