package newsroom.bench.adversarial;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one measurement on a worker thread and gives up on it at a cap, so a crafted input that does not finish shows
 * up as "abandoned" instead of hanging the benchmark. The cap counts the worker's CPU time: on a shared, busy machine
 * wall-clock time mostly measures the neighbours, and a cap on it would abandon ordinary work. A wall-clock backstop
 * of five times the cap keeps a starved run from holding the benchmark for long.
 */
final class CappedRun {

    /** CPU time of the worker alone. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * How one run ended: its wall-clock and CPU time, or abandoned at a cap (with the CPU time used by then), or
     * failed with an exception.
     */
    record Outcome(long nanos, long cpuNanos, String abandoned, Throwable failure) {

        boolean isAbandoned() {
            return abandoned != null;
        }

        String millis() {
            if (abandoned != null) {
                return "> " + abandoned + " (abandoned)";
            }
            if (failure != null) {
                return "failed: " + failure.getClass().getSimpleName();
            }
            return String.format("%,d", Math.max(1, Math.round(nanos / 1e6)));
        }

        /** For an abandoned run: the CPU time it had used when it was given up. */
        String cpuMillis() {
            return failure != null ? ""
                    : String.format(abandoned != null ? "> %,d" : "%,d", Math.max(1, Math.round(cpuNanos / 1e6)));
        }
    }

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
        long start = System.nanoTime();
        worker.start();
        long cpuCap = capSeconds * 1_000_000_000L;
        long wallCap = 5 * cpuCap;
        String abandoned = null;
        long cpu = 0;
        while (worker.isAlive() && abandoned == null) {
            try {
                worker.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned = "interrupted";
            }
            cpu = Math.max(cpu, THREADS.getThreadCpuTime(worker.getId()));
            if (!worker.isAlive()) {
                break;
            }
            if (cpu > cpuCap) {
                abandoned = capSeconds + " s cpu";
            } else if (System.nanoTime() - start > wallCap) {
                abandoned = 5 * capSeconds + " s wall";
            }
        }
        if (abandoned == null) {
            return new Outcome(took[0], took[1], null, failure.get());
        }
        stop(worker);
        return new Outcome(0, cpu, abandoned, null);
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
