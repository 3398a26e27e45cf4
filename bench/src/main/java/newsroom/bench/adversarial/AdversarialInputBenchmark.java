package newsroom.bench.adversarial;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import newsroom.ingest.HtmlText;
import newsroom.nlp.Extraction;
import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.quality.GoldSetEvaluation;

/**
 * Crafted inputs at the size limits, each timed next to ordinary text of the same size, in process on the real
 * code: the ingest-service's HTML-to-text step ({@link HtmlText#toPlainText}) on 1 MiB bodies (the single-article
 * limit) and the nlp-service's extractor, built as the service builds it, on 400 KB texts and a 1 MiB single word.
 * Prints a table (input, size, wall-clock ms, the worker thread's CPU ms, the ratio of that CPU time to the ordinary
 * text's of the same size, what came out); asserts nothing about time. The ratio is taken on CPU time because on a
 * shared, busy machine wall-clock time mostly measures the neighbours; an abandoned run shows the CPU time it had
 * used by the cap.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.adversarial.AdversarialInputBenchmark \
 *     [-Dexec.args="cap=60 runs=3 only=ingest,nlp ingest-size=1048576 nlp-size=409600 word-size=1048576"]</pre>
 * Each run goes on a worker thread; one that uses more than {@code cap} seconds of CPU (or five times that of wall
 * clock) is reported as abandoned and stopped. The figures shown are those of the run with the least CPU time of up
 * to {@code runs} runs (fewer when a run takes more than 5 s of CPU). Give Maven a heap: {@code MAVEN_OPTS=-Xmx1g}.
 */
public final class AdversarialInputBenchmark {

    private final long capSeconds;
    private final int runs;

    private AdversarialInputBenchmark(long capSeconds, int runs) {
        this.capSeconds = capSeconds;
        this.runs = runs;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("cap", "60", "runs", "3", "only", "ingest,nlp",
                "ingest-size", "1048576", "nlp-size", "409600", "word-size", "1048576", "config", "corenlp:conll4"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + options.keySet());
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        AdversarialInputBenchmark bench = new AdversarialInputBenchmark(Long.parseLong(options.get("cap")),
                Integer.parseInt(options.get("runs")));
        AdversarialInputs inputs = new AdversarialInputs();
        List<String> only = List.of(options.get("only").split(","));
        System.out.printf("[adversarial] %s, %d cores, load average %.1f; cap %d s of CPU per run, best of up to %d runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), load(), bench.capSeconds, bench.runs);
        if (only.contains("ingest")) {
            int size = Integer.parseInt(options.get("ingest-size"));
            bench.table("ingest-service: HtmlText.toPlainText, body of " + size + " characters",
                    inputs.html(size), text -> HtmlText.toPlainText(text).length() + " chars",
                    inputs.ordinaryProse(20_000));
        }
        if (only.contains("nlp")) {
            String[] config = options.get("config").split(":");
            EntityExtractor extractor = GoldSetEvaluation.starterExtractor(config[0],
                    config.length > 1 ? config[1] : "-");
            bench.table("nlp-service: extractor " + extractor.engine() + " (" + options.get("config") + ")",
                    inputs.nlp(Integer.parseInt(options.get("nlp-size")), Integer.parseInt(options.get("word-size"))),
                    text -> entities(extractor.extract("Benchmark", text)), inputs.ordinaryProse(20_000));
        }
        System.out.printf("[adversarial] load average after: %.1f%n", load());
    }

    private void table(String title, List<AdversarialInputs.Input> inputs, Function<String, String> step,
            String warmUp) {
        // JIT and lazy models: small texts, then the group's first (ordinary) text once, so the baseline is not the
        // one cold row, which would make every ratio after it look better than it is
        for (int i = 0; i < 3; i++) {
            step.apply(warmUp);
        }
        CappedRun.run("warm-up", () -> step.apply(inputs.get(0).text()), capSeconds);
        System.out.printf("%n%s (load average %.1f)%n", title, load());
        String format = "%-36s %11s %25s %10s %9s  %s%n";
        System.out.printf(format, "input", "size", "ms", "cpu ms", "cpu ratio", "output");
        Map<String, Long> baselines = new HashMap<>();
        for (AdversarialInputs.Input input : inputs) {
            String[] output = new String[1];
            CappedRun.Outcome best = null;
            for (int run = 0; run < runs; run++) {
                CappedRun.Outcome outcome = CappedRun.run(input.name(), () -> output[0] = step.apply(input.text()),
                        capSeconds);
                if (best == null || outcome.isAbandoned() || outcome.failure() != null
                        || outcome.cpuNanos() < best.cpuNanos()) {
                    best = outcome;
                }
                if (outcome.isAbandoned() || outcome.failure() != null || outcome.cpuNanos() > 5_000_000_000L) {
                    break;
                }
            }
            String ratio;
            if (input.baseline() == null) {
                baselines.put(input.name(), best.cpuNanos());
                ratio = "1";
            } else {
                double r = (double) best.cpuNanos() / Math.max(1, baselines.get(input.baseline()));
                ratio = best.failure() != null ? "-" : best.isAbandoned() ? "> " + ratio(r) : ratio(r);
            }
            String result = best.failure() != null ? String.valueOf(best.failure().getMessage())
                    : best.isAbandoned() ? "" : output[0];
            System.out.printf(format, input.name(), String.format("%,d", input.text().length()),
                    best.millis(), best.cpuMillis(), ratio, result);
        }
    }

    private static String ratio(double r) {
        return r < 0.1 ? String.format("%.3f", r) : r < 10 ? String.format("%.2f", r) : String.format("%,.0f", r);
    }

    private static String entities(Extraction extraction) {
        return extraction.entities().size() + " entities";
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
