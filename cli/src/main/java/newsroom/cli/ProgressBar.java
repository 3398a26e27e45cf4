package newsroom.cli;

import java.io.PrintStream;
import java.time.Duration;

/** done/total, rate and ETA on one line; redrawn in place on a terminal, printed as plain lines otherwise (logs, CI). */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long lastPlainPrint;

    ProgressBar(PrintStream out, int total, boolean interactive) {
        this.out = out;
        this.total = total;
        this.interactive = interactive;
    }

    void update(int done) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        long etaSeconds = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = String.format("[%s%s] %d/%d  %.1f articles/s  ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, rate, format(Duration.ofSeconds(etaSeconds)));
        if (interactive) {
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else if (done >= total || System.currentTimeMillis() - lastPlainPrint > 2_000) {
            lastPlainPrint = System.currentTimeMillis();
            out.println(line);
        }
        out.flush();
    }

    private static String format(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}
