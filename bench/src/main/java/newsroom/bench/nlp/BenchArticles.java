package newsroom.bench.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import newsroom.nlp.quality.GoldArticle;
import newsroom.nlp.quality.GoldSetEvaluation;

/**
 * News-sized benchmark articles (about 780 tokens, 4,500 characters each) built from the gold set's texts: each one
 * joins consecutive gold articles, so every benchmark article mixes known, unknown and rule entities.
 */
final class BenchArticles {

    record Article(String title, String body) {
    }

    private BenchArticles() {
    }

    static List<Article> load(int count) {
        Path gold = Path.of(GoldSetEvaluation.DEFAULT_GOLD_SET);
        if (!Files.exists(gold)) {
            gold = Path.of("..", GoldSetEvaluation.DEFAULT_GOLD_SET);
        }
        List<GoldArticle> source = GoldSetEvaluation.read(gold);
        List<Article> articles = new ArrayList<>();
        int next = 0;
        while (articles.size() < count) {
            StringBuilder body = new StringBuilder();
            String title = source.get(next % source.size()).title();
            while (body.length() < 4_500) {
                GoldArticle g = source.get(next++ % source.size());
                body.append(g.title()).append('\n').append(g.body()).append("\n\n");
            }
            articles.add(new Article(title, body.toString()));
        }
        return articles;
    }

    static int tokens(Article a) {
        return (a.title() + " " + a.body()).split("\\s+").length;
    }
}
