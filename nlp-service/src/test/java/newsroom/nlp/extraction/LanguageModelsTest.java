package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import newsroom.nlp.ner.NameRecognizer;
import newsroom.nlp.ner.RecognizedName.NameType;

class LanguageModelsTest {

    @Test
    void aLanguageModelIsCreatedOnTheFirstTextInItsLanguageAndOnlyOnce() {
        AtomicInteger created = new AtomicInteger();
        Supplier<NameRecognizer> spanish = () -> {
            created.incrementAndGet();
            return new ScriptedRecognizer(Map.of("Lucía Arévalo", NameType.PERSON));
        };
        LanguageModels models = new LanguageModels(Map.of("es", spanish));
        HybridEntityExtractor extractor = new HybridEntityExtractor(StarterKnowledgeBase::index,
                text -> text.toString().contains("ministra") ? "es" : "en", null, 200_000, models);

        extractor.extract("Court hears the case", "The judge asked for more time on Tuesday.");
        assertThat(created).hasValue(0);
        assertThat(models.loadedLanguages()).isEmpty();

        String body = "La ministra Lucía Arévalo habló con la prensa en la capital el lunes por la tarde.";
        assertThat(extractor.extract("", body).entities()).anySatisfy(e -> assertThat(e.name()).isEqualTo("Lucía Arévalo"));
        extractor.extract("", body);
        assertThat(created).hasValue(1);
        assertThat(models.loadedLanguages()).containsExactly("es");
    }

    @Test
    void settingsNameALanguageAndAModel() {
        assertThat(LanguageModels.of("corenlp", List.of("es=spanish", " fr = french ")).languages())
                .containsExactlyInAnyOrder("es", "fr");
        assertThat(LanguageModels.of("corenlp", List.of("none")).languages()).isEmpty();
        assertThat(LanguageModels.of("none", List.of("es=spanish"))).isSameAs(LanguageModels.NONE);
        assertThatThrownBy(() -> LanguageModels.of("corenlp", List.of("spanish")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LanguageModels.NONE.forLanguage("es")).isNull();
    }
}
