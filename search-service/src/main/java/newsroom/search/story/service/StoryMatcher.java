package newsroom.search.story.service;

import java.util.ArrayList;
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
