package newsroom.search.story.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

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
     * One article's candidate stories: the keys of each story's candidate articles, and how long each story has been
     * quiet for the article (the time to its nearest candidate article).
     */
    public static final class Stories {
        private final Map<String, List<StoryKeys>> members = new LinkedHashMap<>();
        private final Map<String, Duration> quiet = new HashMap<>();

        /** A candidate article of {@code story}, dated {@code gap} from the article (null: undated). */
        public Stories add(String story, StoryKeys keys, Duration gap) {
            members.computeIfAbsent(story, s -> new ArrayList<>()).add(keys);
            if (gap != null) {
                quiet.merge(story, gap, BinaryOperator.minBy(Comparator.naturalOrder()));
            }
            return this;
        }

        public Map<String, List<StoryKeys>> members() {
            return members;
        }

        public Duration quiet(String story) {
            return quiet.getOrDefault(story, Duration.ZERO);
        }
    }

    /**
     * The story an article joins: the most alike of those it joins (the older on a tie); an article alike enough to
     * merge with two or more stories merges them into the oldest.
     *
     * @param age the order of stories, oldest first
     */
    public Decision decide(StoryKeys article, Stories stories, Comparator<String> age) {
        Map<String, Score> best = scores(article, stories.members());
        List<String> joined = best.entrySet().stream()
                .filter(e -> e.getValue().joins(config, stories.quiet(e.getKey())))
                .sorted(Comparator.<Map.Entry<String, Score>>comparingDouble(
                        e -> -e.getValue().combined(config.entityWeight()))
                        .thenComparing(Map.Entry::getKey, age))
                .map(Map.Entry::getKey).toList();
        if (joined.isEmpty()) {
            return new Decision(null, List.of());
        }
        String target = joined.get(0);
        if (!best.get(target).merges(config, stories.quiet(target))) {
            return new Decision(target, List.of());
        }
        List<String> group = new ArrayList<>(List.of(target));
        for (String other : joined.subList(1, joined.size())) {
            if (best.get(other).merges(config, stories.quiet(other))) {
                group.add(other);
            }
        }
        String survivor = group.stream().min(age).orElseThrow();
        return new Decision(survivor, group.stream().filter(s -> !s.equals(survivor)).toList());
    }

    /** @param members story → the keys of its candidate articles */
    public Map<String, Score> scores(StoryKeys article, Map<String, List<StoryKeys>> members) {
        StoryVectors vectors = StoryVectors.of(article);
        Map<String, Score> out = new LinkedHashMap<>();
        members.forEach((story, keys) -> out.put(story, score(vectors, keys)));
        return out;
    }

    private Score score(StoryVectors article, List<StoryKeys> members) {
        Score best = null;
        List<StoryVectors> same = new ArrayList<>();
        List<StoryVectors> other = new ArrayList<>();
        for (StoryKeys keys : members) {
            StoryVectors m = StoryVectors.of(keys);
            Score s = StorySimilarity.score(article, m, config.mainEntities());
            best = Score.better(best, s, config);
            (s.crossLanguage() ? other : same).add(m);
        }
        if (same.size() > 1) {
            best = Score.better(best, StorySimilarity.score(article, StorySimilarity.profile(same,
                    article.language()), config.mainEntities()), config);
        }
        if (other.size() > 1) {
            String language = other.get(0).language();
            boolean one = other.stream().allMatch(m -> Objects.equals(language, m.language()));
            best = Score.better(best, StorySimilarity.score(article, StorySimilarity.profile(other,
                    one ? language : "mixed"), config.mainEntities()), config);
        }
        return best;
    }
}
