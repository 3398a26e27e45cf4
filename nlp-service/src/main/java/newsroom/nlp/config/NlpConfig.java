package newsroom.nlp.config;

import java.time.Duration;

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

        /**
         * Models for other languages than English, {@code language=model} (the engine's model option), each loaded on
         * the first article detected in its language; {@code none} for none. Spanish costs about 95 MB of heap.
         */
        @WithDefault("es=spanish")
        java.util.List<String> languageModels();
    }

    interface Language {
        @WithDefault("true")
        boolean enabled();

        /** ISO 639-1 codes Lingua tells apart; each one costs memory. */
        @WithDefault("en,es,fr,de,pt,it")
        java.util.List<String> languages();
    }

    /**
     * The raw → enriched path. The Kafka channels themselves ({@code mp.messaging.*} in application.properties) read
     * the topics, group and worker count from here, so {@code NEWSROOM_NLP_CONSUMER_*} variables set them all.
     */
    interface Consumer {
        @WithDefault("nlp-service")
        String groupId();

        @WithDefault("news.articles.raw")
        String topic();

        @WithDefault("news.articles.enriched")
        String outputTopic();

        /** Articles extracted at once (the {@code nlp-workers} pool's max concurrency). */
        @WithDefault("2")
        int workers();

        /**
         * CPU time of extraction per article; past it the article goes to the dead-letter topic. CPU time, so a busy
         * machine does not dead-letter ordinary articles: what is refused is a text that costs too much work.
         */
        @WithDefault("20s")
        Duration extractionBudget();

        /**
         * Wall-clock limit of one extraction, the budget's backstop. Far below the connector's
         * {@code throttled.unprocessed-record-max-age.ms} (300 s), so the channel is never failed by a slow article.
         */
        @WithDefault("120s")
        Duration extractionWallLimit();

        /** Liveness turns DOWN when records wait (lag or in flight) and none was started or finished for this long. */
        @WithDefault("120s")
        Duration stallAfter();

        /** Mentions listed per entity in an enriched article ({@code count} still counts them all). */
        @WithDefault("500")
        int maxMentionsPerEntity();

        /** Mentions listed per enriched article, the most salient entities first: keeps the record far below 8 MiB. */
        @WithDefault("20000")
        int maxMentionsPerArticle();
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
