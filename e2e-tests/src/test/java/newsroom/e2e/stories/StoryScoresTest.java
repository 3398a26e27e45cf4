package newsroom.e2e.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand-worked examples; each figure below is worked out in the comment above it. */
class StoryScoresTest {
    private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

    /** Gold A = {1,2,3,4}, B = {5,6}; predicted X = {1,2,3}, Y = {4,5,6}: one article of A sits with B. */
    private static final Map<String, String> GOLD = Map.of("1", "A", "2", "A", "3", "A", "4", "A", "5", "B", "6", "B");
    private static final Map<String, String> PREDICTED = Map.of("1", "X", "2", "X", "3", "X", "4", "Y", "5", "Y",
            "6", "Y");

    @Test
    void oneArticleInTheWrongStory() {
        StoryScores s = StoryScores.of(GOLD, PREDICTED);
        // precision per article: 1,2,3 → 3/3; 4 → 1/3; 5,6 → 2/3. (3 + 1/3 + 4/3) / 6 = 14/18
        assertThat(s.bcubedPrecision()).isCloseTo(14.0 / 18, EXACT);
        // recall per article: 1,2,3 → 3/4; 4 → 1/4; 5,6 → 2/2. (9/4 + 1/4 + 2) / 6 = 4.5/6
        assertThat(s.bcubedRecall()).isCloseTo(0.75, EXACT);
        assertThat(s.bcubedF1()).isCloseTo(2 * (14.0 / 18) * 0.75 / (14.0 / 18 + 0.75), EXACT);
        // predicted pairs 3 + 3 = 6, of them true: {1,2,3} → 3, {5,6} → 1; gold pairs 6 + 1 = 7
        assertThat(s.pairwisePrecision()).isCloseTo(4.0 / 6, EXACT);
        assertThat(s.pairwiseRecall()).isCloseTo(4.0 / 7, EXACT);
        assertThat(s.pairwiseF1()).isCloseTo(16.0 / 26, EXACT);
        assertThat(List.of(s.items(), s.goldStories(), s.predictedStories())).containsExactly(6, 2, 2);
    }

    @Test
    void aPerfectGroupingScoresOneWhateverItsClusterIdsAre() {
        StoryScores s = StoryScores.of(GOLD, Map.of("1", "q", "2", "q", "3", "q", "4", "q", "5", "r", "6", "r"));
        assertThat(List.of(s.bcubedPrecision(), s.bcubedRecall(), s.pairwisePrecision(), s.pairwiseRecall(),
                s.bcubedF1(), s.pairwiseF1())).containsOnly(1.0);
    }

    @Test
    void everythingInOneStoryHasFullRecallAndPoorPrecision() {
        Map<String, String> gold = Map.of("1", "A", "2", "A", "3", "B", "4", "C");
        StoryScores s = StoryScores.of(gold, Map.of("1", "X", "2", "X", "3", "X", "4", "X"));
        // precision: 1,2 → 2/4; 3,4 → 1/4. 1.5 / 4
        assertThat(s.bcubedPrecision()).isCloseTo(0.375, EXACT);
        assertThat(s.bcubedRecall()).isCloseTo(1.0, EXACT);
        // 6 predicted pairs, 1 of them true, 1 gold pair
        assertThat(s.pairwisePrecision()).isCloseTo(1.0 / 6, EXACT);
        assertThat(s.pairwiseRecall()).isCloseTo(1.0, EXACT);
        assertThat(s.predictedStories()).isEqualTo(1);
    }

    @Test
    void everyArticleAloneHasFullPrecisionAndNoPairwiseRecall() {
        Map<String, String> gold = Map.of("1", "A", "2", "A", "3", "A", "4", "B");
        StoryScores s = StoryScores.of(gold, Map.of("1", "w", "2", "x", "3", "y", "4", "z"));
        assertThat(s.bcubedPrecision()).isCloseTo(1.0, EXACT);
        // recall: 1,2,3 → 1/3; 4 → 1/1. 2 / 4
        assertThat(s.bcubedRecall()).isCloseTo(0.5, EXACT);
        // no predicted pair: nothing claimed, precision 1; none of the 3 gold pairs found
        assertThat(s.pairwisePrecision()).isCloseTo(1.0, EXACT);
        assertThat(s.pairwiseRecall()).isCloseTo(0.0, EXACT);
        assertThat(s.pairwiseF1()).isCloseTo(0.0, EXACT);
    }

    @Test
    void singletonGoldStoriesKeptApartScoreOne() {
        StoryScores s = StoryScores.of(Map.of("1", "A", "2", "B"), Map.of("1", "x", "2", "y"));
        assertThat(List.of(s.bcubedF1(), s.pairwisePrecision(), s.pairwiseRecall())).containsOnly(1.0);
    }

    @Test
    void theLabellingsMustCoverTheSameArticles() {
        assertThatThrownBy(() -> StoryScores.of(Map.of("1", "A"), Map.of("2", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryScores.of(Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTableShowsEveryFigure() {
        String table = StoryScores.of(GOLD, PREDICTED).table("example");
        assertThat(table).contains("6 articles, 2 gold stories, 2 predicted", "0.778", "0.750", "0.667", "0.571",
                "0.615");
    }

    @Test
    void splitsAndJoinsNameTheArticlesToMoveWorstFirst() {
        List<StoryErrors.Mistake> splits = StoryErrors.splits(GOLD, PREDICTED);
        assertThat(splits).singleElement().satisfies(m -> {
            assertThat(m.label()).isEqualTo("A");
            assertThat(m.parts()).containsExactly(Map.entry("X", List.of("1", "2", "3")), Map.entry("Y", List.of("4")));
            assertThat(m.weight()).isEqualTo(1);
        });
        List<StoryErrors.Mistake> joins = StoryErrors.joins(GOLD, PREDICTED);
        assertThat(joins).singleElement().satisfies(m -> {
            assertThat(m.label()).isEqualTo("Y");
            assertThat(m.parts()).containsExactly(Map.entry("B", List.of("5", "6")), Map.entry("A", List.of("4")));
        });
        // three gold stories in one: the weight is what lies outside the largest part
        Map<String, String> gold = Map.of("1", "A", "2", "A", "3", "A", "4", "B", "5", "C", "6", "D");
        Map<String, String> predicted = Map.of("1", "X", "2", "X", "3", "X", "4", "X", "5", "X", "6", "Z");
        assertThat(StoryErrors.joins(gold, predicted)).singleElement().extracting(StoryErrors.Mistake::weight)
                .isEqualTo(2);
        assertThat(StoryErrors.splits(gold, predicted)).isEmpty();
        assertThat(StoryErrors.describe("joins", StoryErrors.joins(GOLD, PREDICTED), 5, Map.of("4", "Fourth title")))
                .contains("[A] 4  Fourth title");
        assertThat(StoryErrors.describe("splits", List.of(), 5, Map.of())).isEqualTo("splits: none\n");
    }
}
