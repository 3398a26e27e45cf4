package newsroom.bench.adversarial;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one measurement on a worker thread and gives up on it after a cap, so a crafted input that never finishes
 * shows up as "abandoned" instead of hanging the benchmark.
 */
final class CappedRun {

    /** How one run ended: its time, or abandoned at the cap, or failed with an exception. */
    record Outcome(long nanos, long cpuNanos, boolean abandoned, Throwable failure) {

        String millis(long capSeconds) {
            if (abandoned) {
                return "> " + capSeconds + " s (abandoned)";
            }
            if (failure != null) {
                return "failed: " + failure.getClass().getSimpleName();
            }
            return String.format("%,d", Math.max(1, Math.round(nanos / 1e6)));
        }

        /** For an abandoned run: the CPU time it had used when it was given up. */
        String cpuMillis() {
            return failure != null ? "" : String.format(abandoned ? "> %,d" : "%,d", Math.max(1, Math.round(cpuNanos / 1e6)));
        }
    }

    /** CPU time of the worker alone: on a shared, busy machine the wall-clock time also measures the neighbours. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CappedRun() {
    }

    static Outcome run(String name, Runnable task, long capSeconds) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] took = new long[2];
        Thread worker = new Thread(() -> {
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            try {
                task.run();
                took[0] = System.nanoTime() - t0;
                took[1] = THREADS.getCurrentThreadCpuTime() - cpu0;
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "adversarial-" + name);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(capSeconds * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!worker.isAlive()) {
            return new Outcome(took[0], took[1], false, failure.get());
        }
        long cpuSoFar = Math.max(0, THREADS.getThreadCpuTime(worker.getId()));
        stop(worker);
        return new Outcome(0, cpuSoFar, true, null);
    }

    /**
     * A regular expression or a parser does not look at interrupts, so an abandoned run would keep a core busy and
     * skew every later figure. Thread.stop still works on JDK 17 to 19; later JDKs refuse it, and then we say so.
     */
    @SuppressWarnings({ "deprecation", "removal" })
    private static void stop(Thread worker) {
        worker.interrupt();
        try {
            worker.stop();
            worker.join(10_000);
        } catch (UnsupportedOperationException e) {
            System.out.printf("  (this JDK cannot stop %s: it keeps a core busy, later figures are skewed)%n",
                    worker.getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
