package newsroom.search.story.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsroom.search.repository.ArticleDocument.StoryKeys;
import newsroom.search.story.config.StoryConfig;
import newsroom.search.story.service.StorySimilarity.Score;

/**
 * How alike an article is to each candidate story, from the keys alone (no I/O: the assigner and the offline replay
 * of the gold set share it). A story's score is the best of the article's score with each of its candidate articles
 * and with the story as a whole: its articles in the article's language as one profile (words and entities), and its
 * articles in other languages as another (entities only).
 */
public final class StoryMatcher {
    private final StoryConfig config;

    public StoryMatcher(StoryConfig config) {
        this.config = config;
    }

    /**
     * What an article does: joins {@code target}, or starts a story of its own when {@code target} is null; the
     * stories of {@code absorbed} are merged into {@code target} first.
     */
    public record Decision(String target, List<String> absorbed) {
    }

    /**
     * The story an article joins: the most alike of those it joins (the older on a tie); an article alike enough to
     * merge with two or more stories merges them into the oldest.
     *
     * @param members story → the keys of its candidate articles
     * @param quiet story → the time from the article to its nearest candidate article
     * @param age the order of stories, oldest first
     */
    public Decision decide(StoryKeys article, Map<String, List<StoryKeys>> members, Map<String, Duration> quiet,
            Comparator<String> age) {
        Map<String, Score> best = scores(article, members);
        List<String> joined = best.entrySet().stream()
                .filter(e -> e.getValue().joins(config, quiet.getOrDefault(e.getKey(), Duration.ZERO)))
                .sorted(Comparator.<Map.Entry<String, Score>>comparingDouble(
                        e -> -e.getValue().combined(config.entityWeight()))
                        .thenComparing(Map.Entry::getKey, age))
                .map(Map.Entry::getKey).toList();
        if (joined.isEmpty()) {
            return new Decision(null, List.of());
        }
        String target = joined.get(0);
        if (!best.get(target).merges(config, quiet.getOrDefault(target, Duration.ZERO))) {
            return new Decision(target, List.of());
        }
        List<String> group = new ArrayList<>(List.of(target));
        for (String other : joined.subList(1, joined.size())) {
            if (best.get(other).merges(config, quiet.getOrDefault(other, Duration.ZERO))) {
                group.add(other);
            }
        }
        String survivor = group.stream().min(age).orElseThrow();
        return new Decision(survivor, group.stream().filter(s -> !s.equals(survivor)).toList());
    }

    /** @param members story → the keys of its candidate articles */
    public Map<String, Score> scores(StoryKeys article, Map<String, List<StoryKeys>> members) {
        Map<String, Score> out = new LinkedHashMap<>();
        members.forEach((story, keys) -> out.put(story, score(article, keys)));
        return out;
    }

    Score score(StoryKeys article, List<StoryKeys> members) {
        Score best = null;
        List<StoryKeys> same = new ArrayList<>();
        List<StoryKeys> other = new ArrayList<>();
        for (StoryKeys m : members) {
            Score s = StorySimilarity.score(article, m);
            best = Score.better(best, s, config);
            (s.crossLanguage() ? other : same).add(m);
        }
        if (same.size() > 1) {
            best = Score.better(best, StorySimilarity.score(article, StorySimilarity.profile(same,
                    article.language())), config);
        }
        if (other.size() > 1) {
            String language = other.get(0).language();
            boolean one = other.stream().allMatch(m -> Objects.equals(language, m.language()));
            best = Score.better(best, StorySimilarity.score(article, StorySimilarity.profile(other,
                    one ? language : "mixed")), config);
        }
        return best;
    }
}
