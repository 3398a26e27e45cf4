package newsroom.nlp.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the nlp-service under {@code newsroom.nlp}. */
@ConfigMapping(prefix = "newsroom.nlp")
public interface NlpConfig {

    Consumer consumer();

    KnowledgeBase knowledgeBase();

    Extract extract();

    Ner ner();

    Language language();

    interface Ner {
        /** {@code corenlp} (GPL module nlp-corenlp) or {@code none} (knowledge base and rules only). */
        @WithDefault("corenlp")
        String engine();

        /** For corenlp: {@code conll4} (PERSON/ORG/LOC/MISC) or {@code all3} (PERSON/ORG/LOC). */
        @WithDefault("conll4")
        String model();

        /** The model reads at most this many characters of a text; the knowledge base and rules read all of it. */
        @WithDefault("200000")
        int maxChars();
    }

    interface Language {
        @WithDefault("true")
        boolean enabled();

        /** ISO 639-1 codes Lingua tells apart; each one costs memory. */
        @WithDefault("en,es,fr,de,pt,it")
        java.util.List<String> languages();
    }

    interface Consumer {
        /** Off for tools that only need the extractor (the benchmark of the extractor alone). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("nlp-service")
        String groupId();

        @WithDefault("news.articles.raw")
        String topic();

        @WithDefault("news.articles.enriched")
        String outputTopic();

        /** Threads extracting the records of one poll in parallel. */
        @WithDefault("2")
        int workers();

        @WithDefault("64")
        int maxPollRecords();

        /** Wait before re-reading a batch whose publish failed (broker down). */
        @WithDefault("2s")
        Duration retryBackoff();

        Optional<String> clientId();
    }

    interface KnowledgeBase {
        /** Starter knowledge base on the classpath, loaded once per content hash. */
        @WithDefault("kb/starter.jsonl")
        String starterResource();

        @WithDefault("true")
        boolean loadStarter();
    }

    interface Extract {
        /** Largest body {@code POST /api/extract} accepts, in characters. */
        @WithDefault("6000000")
        int maxChars();
    }
}
