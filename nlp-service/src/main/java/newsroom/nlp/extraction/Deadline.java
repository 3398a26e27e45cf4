package newsroom.nlp.extraction;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A time budget for one extraction, checked cooperatively: between stages, inside long loops, and on every few
 * thousand characters a regular expression reads ({@link #guard(CharSequence)}). A thread interrupt would not stop a
 * regex or the CRF, so the work itself asks whether it should go on and throws when not, freeing the core.
 */
public final class Deadline {

    /** No time limit and no cancellation. */
    public static final Deadline NONE = new Deadline(null, 0, () -> false);

    /** Characters read between two clock checks of a guarded text. */
    private static final int CHECK_EVERY = 4_096;

    private final Duration budget;
    private final long endNanos;
    private final BooleanSupplier cancelled;

    private Deadline(Duration budget, long endNanos, BooleanSupplier cancelled) {
        this.budget = budget;
        this.endNanos = endNanos;
        this.cancelled = cancelled;
    }

    /** A deadline {@code budget} from now, also ending early when {@code cancelled} turns true (the service stops). */
    public static Deadline in(Duration budget, BooleanSupplier cancelled) {
        return new Deadline(budget, System.nanoTime() + budget.toNanos(), cancelled);
    }

    public static Deadline in(Duration budget) {
        return in(budget, () -> false);
    }

    /** Only cancellation, no time limit. */
    public static Deadline cancelledWhen(BooleanSupplier cancelled) {
        return new Deadline(null, 0, cancelled);
    }

    /** @throws Exceeded when the budget is spent, {@link Cancelled} when the work was called off */
    public void check() {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        if (budget != null && System.nanoTime() - endNanos > 0) {
            throw new Exceeded(budget);
        }
    }

    /** {@code text} as a sequence that checks this deadline every few thousand characters read. */
    public CharSequence guard(CharSequence text) {
        return this == NONE ? text : new GuardedText(text, this);
    }

    /** "20 s" or "150 ms". */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The budget is spent: the article is given up and dead-lettered with this message as the reason. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(Duration budget) {
            super("extraction exceeded " + format(budget), null, false, false);
        }
    }

    /** The work was called off (the service stops): the article is neither acknowledged nor dead-lettered. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("extraction abandoned: the service is stopping", null, false, false);
        }
    }

    /** Not thread-safe, like the matcher that reads it: one per extraction and stage. */
    private static final class GuardedText implements CharSequence {
        private final CharSequence text;
        private final Deadline deadline;
        private int reads;

        GuardedText(CharSequence text, Deadline deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads == CHECK_EVERY) {
                reads = 0;
                deadline.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
