package newsroom.search;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An index, alias, indexer group and dead-letter topic of their own, for tests that must not share them: a test
 * instance of another module's run, in the shared group, could take a partition and index their articles with a
 * build of its own, and a write block or closed index must never touch what other tests read. The group replays the
 * topic once into the index. One profile for every such class, so that they share one start of the application (and
 * one replay): {@link IndexWriteBlockIT} and {@code story.StoryAssignmentIT}.
 */
public class OwnIndexProfile implements QuarkusTestProfile {
    public static final String ALIAS = "own-index-test-articles";
    public static final String INDEX = ALIAS + "-v1";
    public static final String DEAD_LETTERS = "news.articles.enriched.dlq.own-index-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsroom.search.index.alias", ALIAS,
                "newsroom.search.index.name", INDEX,
                "newsroom.search.indexer.group-id", "search-service-own-index-test",
                // retries of a refused write come back within a second (the write-block test waits for them)
                "newsroom.search.indexer.max-backoff", "1s",
                // this group replays the topic once, with other tests' poison records
                "mp.messaging.outgoing.enriched-articles-dlq.topic", DEAD_LETTERS);
    }
}
