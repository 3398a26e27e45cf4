package newsroom.bench.nlp;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import newsroom.nlp.extraction.EntityExtractor;
import newsroom.nlp.quality.GoldSetEvaluation;

/**
 * JMH benchmark of the extractor alone (no Kafka, no database) on news-sized articles, per model configuration.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=newsroom.bench.nlp.ExtractorBenchmark \
 *     [-Dexec.args="threads=1 config=corenlp:conll4,corenlp:all3,none"]</pre>
 * Runs in the Maven JVM (forks 0), so give Maven a heap: {@code MAVEN_OPTS=-Xmx512m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExtractorBenchmark {

    /** {@code engine:model}: corenlp:conll4, corenlp:all3, or none (knowledge base and rules only). */
    @Param({ "corenlp:conll4", "corenlp:all3", "none" })
    public String config;

    private EntityExtractor extractor;
    private List<BenchArticles.Article> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = config.split(":");
        extractor = GoldSetEvaluation.starterExtractor(parts[0], parts.length > 1 ? parts[1] : "-");
        articles = BenchArticles.load(64);
    }

    /** Time to extract the entities of one ≈780-token article. */
    @Benchmark
    @Threads(1)
    public void extractArticle(Blackhole bh) {
        BenchArticles.Article a = articles.get(next++ & 63);
        bh.consume(extractor.extract(a.title(), a.body()));
    }

    public static void main(String[] args) throws RunnerException {
        int threads = 1;
        String configs = "corenlp:conll4,corenlp:all3,none";
        for (String a : args) {
            if (a.startsWith("threads=")) {
                threads = Integer.parseInt(a.substring(8));
            } else if (a.startsWith("config=")) {
                configs = a.substring(7);
            }
        }
        BenchArticles.Article sample = BenchArticles.load(1).get(0);
        System.out.printf("Articles: %d tokens, %d characters each%n", BenchArticles.tokens(sample),
                sample.title().length() + sample.body().length());
        Options options = new OptionsBuilder()
                .include(ExtractorBenchmark.class.getName() + ".extractArticle")
                .param("config", configs.split(","))
                .threads(threads)
                .forks(0)
                .warmupIterations(2).warmupTime(TimeValue.seconds(5))
                .measurementIterations(3).measurementTime(TimeValue.seconds(5))
                .build();
        new Runner(options).run();
    }
}
