package newsroom.nlp.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import newsroom.nlp.service.KnowledgeBase;

/** The shipped starter knowledge base as an index, for tests that need no database. */
public final class StarterKnowledgeBase {
    private static KnowledgeBaseIndex index;

    private StarterKnowledgeBase() {
    }

    public static synchronized KnowledgeBaseIndex index() {
        if (index == null) {
            try (InputStream in = StarterKnowledgeBase.class.getClassLoader().getResourceAsStream("kb/starter.jsonl")) {
                index = KnowledgeBaseIndex.of(1, KnowledgeBase.parseJsonLines(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }
}
