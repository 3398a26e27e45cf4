package newsroom.bench.adversarial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import newsroom.nlp.quality.GoldArticle;
import newsroom.nlp.quality.GoldSetEvaluation;

/**
 * The crafted texts: each one aims at a place where a regular expression or a parser could go quadratic, and each
 * has an ordinary text of the same size to be compared with. Every crafted text is ASCII, so its size in characters
 * is its size in bytes.
 */
final class AdversarialInputs {

    /** One text to time; {@code baseline} names the ordinary text it is compared with. */
    record Input(String name, String text, String baseline) {
    }

    private final List<GoldArticle> gold;

    AdversarialInputs() {
        Path path = Path.of(GoldSetEvaluation.DEFAULT_GOLD_SET);
        this.gold = GoldSetEvaluation.read(Files.exists(path) ? path : Path.of("..", GoldSetEvaluation.DEFAULT_GOLD_SET));
    }

    /** HTML bodies for ingest-service's HtmlText, at the single-article limit. */
    List<Input> html(int size) {
        String baseline = "ordinary HTML article";
        return List.of(
                new Input(baseline, ordinaryHtml(size), null),
                new Input("ordinary plain text", ordinaryProse(size), baseline),
                new Input("<p <p <p ... (no '>')", repeat("<p ", size), baseline),
                new Input("<div> nested (no closing tag)", repeat("<div>", size), baseline),
                new Input("<div><span><b><i><a> nested", repeat("<div><span><b><i><a href=x>", size), baseline),
                new Input("<!-- unterminated, then text", fill("<p>Start <!-- ", ordinaryProse(size), size), baseline),
                new Input("<!-- <!-- <!-- ...", repeat("<!-- ", size), baseline),
                new Input("<p a0=x a1=x ... > (one tag)", attributeRun(size), baseline),
                new Input("<p a=x a=x ... (no '>')", fill("<p", repeat(" a=x", size), size), baseline));
    }

    /** Article texts for the nlp-service's extractor. */
    List<Input> nlp(int size, int wordSize) {
        String baseline = "ordinary prose";
        String bigBaseline = "ordinary prose (word size)";
        return List.of(
                new Input(baseline, ordinaryProse(size), null),
                new Input("A.A.A. ...", repeat("A.", size), baseline),
                new Input("A-A-A- ...", repeat("A-", size), baseline),
                new Input("A'A'A' ...", repeat("A'", size), baseline),
                new Input("A A A ... (capitalised words)", repeat("A ", size), baseline),
                new Input("Aa Bb Cc ... Act-less name run", capitalisedWords(size), baseline),
                new Input("of of of ...", repeat("of ", size), baseline),
                new Input("A of A of ...", repeat("A of ", size), baseline),
                new Input("----- (hyphens)", repeat("-", size), baseline),
                new Input("..... (dots)", repeat(".", size), baseline),
                new Input("''''' (apostrophes)", repeat("'", size), baseline),
                new Input(bigBaseline, ordinaryProse(wordSize), null),
                new Input("one word of letters", oneWord(wordSize), bigBaseline));
    }

    /** Gold-set articles, one after another, cut to {@code size} characters. */
    String ordinaryProse(int size) {
        StringBuilder out = new StringBuilder(size + 10_000);
        for (int i = 0; out.length() < size; i++) {
            GoldArticle a = gold.get(i % gold.size());
            out.append(a.title()).append("\n\n").append(a.body()).append("\n\n");
        }
        return out.substring(0, size);
    }

    /** The same articles as an HTML page: headings, paragraphs, links, a script and a nav to drop. */
    private String ordinaryHtml(int size) {
        StringBuilder out = new StringBuilder(size + 10_000);
        out.append("<!doctype html><html><head><title>News</title><script>var x = 1;</script></head><body>");
        out.append("<nav><a href=\"/\">Home</a></nav>");
        for (int i = 0; out.length() < size; i++) {
            GoldArticle a = gold.get(i % gold.size());
            out.append("<article><h2>").append(a.title()).append("</h2>");
            for (String paragraph : a.body().split("\n+")) {
                out.append("<p class=\"text\">").append(paragraph).append(" <a href=\"https://example.org/").append(i)
                        .append("\">more</a></p>");
            }
            out.append("</article>");
        }
        return out.substring(0, size);
    }

    private static String attributeRun(int size) {
        StringBuilder out = new StringBuilder(size + 32).append("<p");
        for (int i = 0; out.length() < size - 16; i++) {
            out.append(" a").append(i).append("=x");
        }
        out.append(">text</p>");
        return fill(out.toString(), " ", size);
    }

    private static String capitalisedWords(int size) {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder(size + 16);
        while (out.length() < size) {
            out.append((char) ('A' + random.nextInt(26))).append((char) ('a' + random.nextInt(26))).append(' ');
        }
        return out.substring(0, size);
    }

    private static String oneWord(int size) {
        Random random = new Random(11);
        StringBuilder out = new StringBuilder(size).append('W');
        while (out.length() < size) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(size / unit.length() + 1).substring(0, size);
    }

    /** {@code head} followed by as much of {@code tail} as makes {@code size} characters. */
    private static String fill(String head, String tail, int size) {
        String text = head + tail;
        return text.length() >= size ? text.substring(0, size) : text + " ".repeat(size - text.length());
    }
}
