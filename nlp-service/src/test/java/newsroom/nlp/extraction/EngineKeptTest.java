package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import newsroom.events.ArticleEntity;
import newsroom.events.EntityType;
import newsroom.events.Mention;
import newsroom.nlp.ner.RecognizedName.NameType;

/**
 * What the second held-out CoNLL file showed the stages taking from the engine, in general form: a results table is
 * text the engine must read, a text told another language by a hair is still the engine's, a title word is a person's
 * (not an organization's), a capital "The" in mid-sentence is the name's ("in The Hague"), and an acronym's own type
 * outvotes a single mention of its expansion.
 */
class EngineKeptTest {

    private static Map<String, ArticleEntity> extract(HybridEntityExtractor extractor, String body) {
        return extractor.extract("", body).entities().stream().collect(Collectors.toMap(ArticleEntity::id, x -> x));
    }

    @Test
    void theEngineReadsAResultsTable() {
        String table = "Half-year profit , in millions , previous year in brackets :\n"
                + "Quillon 2,110 ( 1,980 )\nBrantek 287 ( 312 )\nOsterholm 1,840 ( 1,905 )\nVarnel 701 ( 655 )";
        assertThat(TextShape.looksLikeProse(table)).isTrue();
        Map<String, ArticleEntity> e = extract(ScriptedRecognizer.extractor(Map.of("Quillon", NameType.ORGANIZATION,
                "Brantek", NameType.ORGANIZATION, "Osterholm", NameType.ORGANIZATION, "Varnel", NameType.ORGANIZATION)),
                table);
        assertThat(e).containsOnlyKeys("name:quillon", "name:brantek", "name:osterholm", "name:varnel");
        assertThat(TextShape.looksLikeProse("%%$$##@@!! ~~ ^^&&**(( )) ++==__ || \\\\ //")).isFalse();
    }

    @Test
    void aTextToldAnotherLanguageByAHairIsStillTheEngines() {
        Map<String, NameType> names = Map.of("Osterholm", NameType.ORGANIZATION);
        LanguageIdentifier byAHair = new LanguageIdentifier() {
            @Override
            public String identify(CharSequence text) {
                return "de";
            }

            @Override
            public boolean clearly(CharSequence text, String language) {
                return false;
            }
        };
        LanguageIdentifier clearly = text -> "de";
        String body = "Osterholm Deutsche Werke 2,110";
        HybridEntityExtractor doubtful = new HybridEntityExtractor(StarterKnowledgeBase::index, byAHair,
                new ScriptedRecognizer(names));
        HybridEntityExtractor german = new HybridEntityExtractor(StarterKnowledgeBase::index, clearly,
                new ScriptedRecognizer(names));
        assertThat(extract(doubtful, body)).containsKey("name:osterholm");
        assertThat(extract(german, body)).doesNotContainKey("name:osterholm");
    }

    @Test
    void aTitleWordStaysOnAnOrganizationAndLeavesAPerson() {
        Map<String, ArticleEntity> e = extract(ScriptedRecognizer.extractor(Map.of("General Motors", NameType.ORGANIZATION,
                "General Halvard Tensing", NameType.PERSON)),
                "General Motors hired General Halvard Tensing to run its plant.");
        assertThat(e).containsOnlyKeys("name:general-motors", "name:halvard-tensing");
        assertThat(e.get("name:general-motors").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void anAcronymsOwnTypeOutvotesOneMentionOfItsExpansion() {
        Map<String, ArticleEntity> e = extract(ScriptedRecognizer.extractor(Map.of("Northern Trade Commissioner",
                NameType.LOCATION, "NTC", NameType.ORGANIZATION)),
                "The Northern Trade Commissioner ( NTC ) will hold hearings , and the NTC said steel was on the agenda .");
        assertThat(e).containsOnlyKeys("name:northern-trade-commissioner");
        assertThat(e.get("name:northern-trade-commissioner").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(e.get("name:northern-trade-commissioner").mentions()).extracting(Mention::text)
                .containsExactly("Northern Trade Commissioner", "NTC", "NTC");
    }

    @Test
    void aCapitalTheInMidSentenceIsPartOfTheName() {
        Map<String, ArticleEntity> e = extract(ScriptedRecognizer.extractor(Map.of("The Hague", NameType.LOCATION,
                "The Freedom Alliance", NameType.ORGANIZATION)),
                "The Freedom Alliance will meet partners in The Hague .\nTalks in The Hague start on Monday .");
        assertThat(e).containsOnlyKeys("name:the-hague", "name:freedom-alliance");
        assertThat(e.get("name:the-hague").mentions()).extracting(Mention::text).containsExactly("The Hague", "The Hague");
    }
}
