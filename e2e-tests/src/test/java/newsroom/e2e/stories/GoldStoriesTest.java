package newsroom.e2e.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The gold set is what its README says: size, mix, arrival order, unique ids and urls. */
class GoldStoriesTest {
    private final List<GoldStories.Article> gold = GoldStories.load();

    @Test
    void atLeastNinetyArticlesInAtLeastTwentyTwoStoriesOverAboutThreeWeeks() {
        assertThat(gold).hasSizeGreaterThanOrEqualTo(90);
        Map<String, Long> sizes = gold.stream().collect(Collectors.groupingBy(GoldStories.Article::story,
                Collectors.counting()));
        assertThat(sizes).hasSizeGreaterThanOrEqualTo(22);
        assertThat(sizes.values().stream().filter(n -> n >= 3).count()).as("stories with three or more articles")
                .isGreaterThanOrEqualTo(20);
        java.time.Duration span = java.time.Duration.between(gold.get(0).publishedAt(),
                gold.get(gold.size() - 1).publishedAt());
        assertThat(span.toDays()).isBetween(18L, 24L);
    }

    @Test
    void inArrivalOrderWithUniqueIdsAndUrlsAndEveryFieldSet() {
        assertThat(gold).isSortedAccordingTo(Comparator.comparing(GoldStories.Article::publishedAt));
        assertThat(gold.stream().map(GoldStories.Article::id)).doesNotHaveDuplicates();
        assertThat(gold.stream().map(GoldStories.Article::url)).doesNotHaveDuplicates();
        assertThat(gold).allSatisfy(a -> assertThat(List.of(a.id(), a.story(), a.source(), a.url(), a.language(),
                a.title(), a.body())).allSatisfy(v -> assertThat(v).isNotBlank()));
        assertThat(gold.stream().map(GoldStories.Article::language).collect(Collectors.toSet()))
                .isEqualTo(Set.of("en", "es"));
        assertThat(gold.stream().filter(a -> a.language().equals("es")).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void mostlyFullArticlesWithSomeBriefs() {
        long full = gold.stream().filter(a -> words(a.body()) >= 300).count();
        long briefs = gold.stream().filter(a -> words(a.body()) < 150).count();
        assertThat(full).as("articles of 300 words or more").isGreaterThan(gold.size() / 2);
        assertThat(briefs).as("briefs").isGreaterThanOrEqualTo(10);
        assertThat(gold).allSatisfy(a -> assertThat(words(a.body())).isBetween(30, 800));
    }

    @Test
    void theReadmeBesideItNamesEveryStory() throws java.io.IOException {
        String readme;
        try (java.io.InputStream in = GoldStories.class.getResourceAsStream("/stories/README.md")) {
            assertThat(in).as("stories/README.md").isNotNull();
            readme = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(gold.stream().map(GoldStories.Article::story).distinct())
                .allSatisfy(story -> assertThat(readme).contains("| `" + story + "` |"));
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }
}
