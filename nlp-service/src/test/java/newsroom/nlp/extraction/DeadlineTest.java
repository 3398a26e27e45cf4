package newsroom.nlp.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The extractor gives up cooperatively: between stages, and in the middle of a regex or automaton scan. */
class DeadlineTest {

    private static final HybridEntityExtractor EXTRACTOR = new HybridEntityExtractor(StarterKnowledgeBase::index);

    private static String longText() {
        return "Officials met lawyers for Kilmar Abrego Garcia in San Salvador on Tuesday under the Alien Enemies Act. "
                .repeat(20_000);
    }

    @Test
    void aSpentBudgetStopsTheExtractionWithTheBudgetInTheMessage() {
        assertThatThrownBy(() -> EXTRACTOR.extract("t", "Nayib Bukele spoke.",
                Deadline.in(Duration.ZERO, Duration.ofHours(1), () -> false)))
                .isInstanceOf(Deadline.Exceeded.class).hasMessage("extraction exceeded 0 s");
    }

    @Test
    void theWallClockLimitBacksUpTheCpuBudget() {
        assertThatThrownBy(() -> EXTRACTOR.extract("t", "Nayib Bukele spoke.",
                Deadline.in(Duration.ofHours(1), Duration.ZERO, () -> false)))
                .isInstanceOf(Deadline.Exceeded.class).hasMessage("extraction exceeded 0 s of wall-clock time");
    }

    @Test
    void aBudgetPassingMidwayStopsALongTextBeforeItIsDone() {
        String body = longText(); // 2 MB: normalising and scanning it alone takes far more than 20 ms of CPU
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> EXTRACTOR.extract("t", body, Deadline.in(Duration.ofMillis(20), Duration.ofHours(1), () -> false)))
                .isInstanceOf(Deadline.Exceeded.class).hasMessage("extraction exceeded 20 ms"));
    }

    @Test
    void theRulesAskTheDeadlineWhileAPatternRunsNotOnlyBetweenPatterns() {
        String text = longText();
        AtomicInteger asked = new AtomicInteger();
        // called off on the 4th question: a question every 4,096 characters read, so inside the first pattern
        Deadline deadline = Deadline.cancelledWhen(() -> asked.incrementAndGet() > 3);
        assertThatThrownBy(() -> new RuleRecognizer().find(text, deadline)).isInstanceOf(Deadline.Cancelled.class);
        assertThat(asked.get()).isEqualTo(4);
    }

    @Test
    void theKnowledgeBaseScanAsksTheDeadlineToo() {
        String text = longText();
        AtomicInteger asked = new AtomicInteger();
        Deadline deadline = Deadline.cancelledWhen(() -> asked.incrementAndGet() > 2);
        assertThatThrownBy(() -> HybridEntityExtractor.knowledgeBasePass(StarterKnowledgeBase.index(), text, text,
                deadline)).isInstanceOf(Deadline.Cancelled.class);
        assertThat(asked.get()).isEqualTo(3);
    }

    @Test
    void withoutADeadlineTheSameTextIsExtracted() {
        assertThat(EXTRACTOR.extract("t", longText(), Deadline.NONE).entities()).isNotEmpty();
    }
}
