package newsroom.nlp.extraction;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A time budget for one extraction, checked cooperatively: between stages, inside long loops, and on every few
 * thousand characters a regular expression reads ({@link #guard(CharSequence)}). A thread interrupt would not stop a
 * regex or the CRF, so the work itself asks whether it should go on and throws when not, freeing the core.
 *
 * <p>The budget counts the CPU time of the extracting thread (made once per deadline, on that thread): a busy machine
 * slows every article down, and must not send ordinary ones to the dead-letter topic; what the budget is for is the
 * text that costs too much work. A wall-clock limit backs it up, so an article never stays in flight for long.
 */
public final class Deadline {

    /** No time limit and no cancellation. */
    public static final Deadline NONE = new Deadline(null, null, () -> false);

    /** Characters read between two clock checks of a guarded text. */
    private static final int CHECK_EVERY = 4_096;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration cpuBudget;
    private final Duration wallLimit;
    private final Thread thread;
    private final long cpuStartNanos;
    private final long wallStartNanos;
    private final BooleanSupplier cancelled;

    private Deadline(Duration cpuBudget, Duration wallLimit, BooleanSupplier cancelled) {
        this.cpuBudget = cpuBudget;
        this.wallLimit = wallLimit;
        this.cancelled = cancelled;
        this.thread = Thread.currentThread();
        this.cpuStartNanos = cpuBudget != null ? cpuTime() : 0;
        this.wallStartNanos = System.nanoTime();
    }

    /**
     * {@code cpuBudget} of this thread's CPU time, {@code wallLimit} of wall-clock time, ending early when
     * {@code cancelled} turns true (the service stops).
     */
    public static Deadline in(Duration cpuBudget, Duration wallLimit, BooleanSupplier cancelled) {
        return new Deadline(cpuBudget, wallLimit, cancelled);
    }

    /** {@code budget} of CPU time, and at most that again twice over in wall-clock time. */
    public static Deadline in(Duration budget) {
        return in(budget, budget.multipliedBy(3), () -> false);
    }

    /** Only cancellation, no time limit. */
    public static Deadline cancelledWhen(BooleanSupplier cancelled) {
        return new Deadline(null, null, cancelled);
    }

    /** @throws Exceeded when the budget is spent, {@link Cancelled} when the work was called off */
    public void check() {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        if (wallLimit != null && System.nanoTime() - wallStartNanos > wallLimit.toNanos()) {
            throw new Exceeded("extraction exceeded " + format(wallLimit) + " of wall-clock time");
        }
        // CPU time is the creating thread's: checks made from elsewhere (none today) only see the wall clock
        if (cpuBudget != null && Thread.currentThread() == thread && cpuTime() - cpuStartNanos > cpuBudget.toNanos()) {
            throw new Exceeded("extraction exceeded " + format(cpuBudget));
        }
    }

    private static long cpuTime() {
        long t = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return t >= 0 ? t : System.nanoTime(); // no CPU clock: fall back to the wall clock
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

        Exceeded(String message) {
            super(message, null, false, false);
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
