package newsroom.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NewsCorpusTest {

    private static final List<NewsCorpus.Article> CORPUS = new NewsCorpus(7).generate(1000, "run-a");

    @Test
    void everyArticleHasThreeHundredToEightHundredWordsAndNoUnfilledSlot() {
        assertThat(CORPUS).hasSize(1000).allSatisfy(a -> {
            assertThat(a.words()).isBetween(NewsCorpus.MIN_WORDS, NewsCorpus.MAX_WORDS);
            assertThat(a.title() + a.body()).doesNotContain("{", "}");
            assertThat(a.url()).startsWith("https://pipebench.example/run-a/");
        });
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnotherOne() {
        assertThat(new NewsCorpus(7).generate(50, "run-a")).isEqualTo(CORPUS.subList(0, 50));
        assertThat(new NewsCorpus(8).generate(50, "run-a")).doesNotContainAnyElementsOf(CORPUS.subList(0, 50));
    }

    @Test
    void coversEveryTopicWithVariedLengthsAndDistinctTitles() {
        Set<String> topics = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (NewsCorpus.Article a : CORPUS) {
            topics.add(a.topic());
            titles.add(a.title());
        }
        assertThat(topics).hasSize(NewsTemplates.TOPICS.size());
        assertThat(titles.size()).isGreaterThan(800);
        assertThat(CORPUS.stream().mapToInt(NewsCorpus.Article::words).max().orElseThrow()
                - CORPUS.stream().mapToInt(NewsCorpus.Article::words).min().orElseThrow()).isGreaterThan(300);
    }

    /**
     * The ingest-service refuses an exact duplicate (same URL or same text) as {@code duplicate}: none may be. (It
     * only marks near duplicates, SimHash within 12 bits, as {@code nearDuplicateOf} and processes them as any other;
     * templated text is marked often, see README "Benchmarks".)
     */
    @Test
    void noTwoArticlesShareAUrlOrATextSoTheIngestServiceAcceptsEveryOne() {
        assertThat(CORPUS.stream().map(NewsCorpus.Article::url).distinct().count()).isEqualTo(CORPUS.size());
        assertThat(CORPUS.stream().map(NewsCorpus.Article::body).distinct().count()).isEqualTo(CORPUS.size());
    }
}
