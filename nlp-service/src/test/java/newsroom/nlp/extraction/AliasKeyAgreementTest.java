package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.support.text.TextFolding;

/**
 * A knowledge-base alias key (this service's own {@link KnowledgeBaseIndex#foldAlias}, normaliser included) must be
 * the key the search-service computes for the same name typed as a query or a prefix ({@link TextFolding#key}), or a
 * name nlp recognises would not be found by search under the same spelling.
 */
class AliasKeyAgreementTest {

    @Test
    void aliasKeysEqualSearchKeysForTrickyNames() {
        for (String name : List.of("Straße", "Æsir", "O’Brien", "Garci\u0301a", "ABREGO GARCÍA", "Łódź", "Œuvre",
                "Kilmar Ábrego García", "Ørsted")) {
            assertThat(KnowledgeBaseIndex.foldAlias(name)).as(name).isEqualTo(TextFolding.key(name));
        }
        assertThat(KnowledgeBaseIndex.foldAlias("ABREGO GARCÍA")).isEqualTo(KnowledgeBaseIndex.foldAlias("abrego garcia"));
        assertThat(KnowledgeBaseIndex.foldAlias("Straße")).isEqualTo("strase");
    }
}
