package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import newsroom.ingest.NearDuplicateEvaluationTest.Doc;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.ArticleFingerprints;
import newsroom.ingest.service.ArticleIntake;
import newsroom.ingest.service.ArticleRegistry;
import newsroom.ingest.service.NearDuplicateIndex;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Near-duplicate detection across ingest instances on the real PostgreSQL: the running service is one instance, and
 * "other instances" are further detector + registry objects sharing its database, exactly as a second process would
 * (nothing but the database connects them). Texts carry a per-test salt on every word, so no article of another test
 * or an earlier run is near them.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class NearDuplicateAcrossInstancesIT {
    private static final String STORY = "The harbour authority reopened the northern ferry terminal on Tuesday after a"
            + " week in which storms kept every vessel in port and left several hundred travellers waiting in nearby"
            + " towns. Engineers inspected the breakwater overnight and found only minor damage to the outer wall,"
            + " which crews will repair during the coming month without closing the berths. The first crossing left"
            + " shortly after dawn with a full passenger deck, and the operator added two evening sailings until the"
            + " backlog clears. Local shops, which had lost most of their trade while the terminal was shut, said"
            + " customers were already returning, and the council promised to review how warnings reach islanders.";

    private static final String TITLE = "Ferry terminal";

    @Inject
    IngestConfig config;
    @Inject
    ArticleFingerprints fingerprints;
    @Inject
    ArticleIntake intake;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    record Instance(NearDuplicateIndex index, ArticleRegistry registry) {
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void anArticleAcceptedByOneInstanceIsFoundByTheOther() {
        Instance second = instance(true);

        String a = postToService(story("a"));
        IngestOutcome b = second.registry().register(prepare(copyOf(story("a")), "b"));
        assertThat(b.status()).isEqualTo(IngestOutcome.Status.accepted);
        assertThat(b.nearDuplicateOf()).as("B at instance 2 is a near-duplicate of A accepted by instance 1").isEqualTo(a);

        IngestOutcome c = second.registry().register(prepare(story("c"), "c"));
        assertThat(c.nearDuplicateOf()).isNull();
        String d = given().contentType(ContentType.JSON).body(submission(copyOf(story("c")), "d")).post("/api/articles")
                .then().statusCode(202).extract().jsonPath().getString("nearDuplicateOf");
        assertThat(d).as("the service (instance 1) finds C, accepted by instance 2").isEqualTo(c.id());

        String e = postToService(story("e"));
        List<IngestOutcome> batch = second.registry().registerAll(List.of(prepare(story("f"), "f"),
                prepare(copyOf(story("e")), "e2"), prepare(copyOf(story("f")), "f2")));
        assertThat(batch).extracting(IngestOutcome::nearDuplicateOf)
                .containsExactly(null, e, batch.get(0).id());
    }

    @Test
    void nearDuplicatesArrivingAtTheSameInstantAtTwoInstancesAreSettledOneAfterTheOther() throws Exception {
        Instance one = instance(false);
        Instance two = instance(false);
        for (int round = 0; round < 10; round++) {
            String topic = "round" + round;
            PreparedArticle p = prepare(story(topic), topic + "p");
            PreparedArticle q = prepare(copyOf(story(topic)), topic + "q");
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<IngestOutcome> atOne = CompletableFuture.supplyAsync(() -> {
                await(together);
                return one.registry().register(p);
            }, pool);
            CompletableFuture<IngestOutcome> atTwo = CompletableFuture.supplyAsync(() -> {
                await(together);
                return two.registry().register(q);
            }, pool);
            IngestOutcome first = atOne.get();
            IngestOutcome second = atTwo.get();
            assertThat(List.of(first.nearDuplicateOf() == null ? "" : first.nearDuplicateOf(),
                    second.nearDuplicateOf() == null ? "" : second.nearDuplicateOf()))
                    .as("round %d: exactly one is reported as the other's near-duplicate", round)
                    .containsExactlyInAnyOrder("", first.nearDuplicateOf() == null ? first.id() : second.id());
        }
    }

    /**
     * The evaluation's labelled articles and edited copies (NearDuplicateEvaluationTest), registered one by one
     * through one instance, then again through two: each story's original at one instance and its copies at the
     * other. Every article must get the same answer both times, so recall and precision are equal.
     */
    @Test
    void recallAndPrecisionAreTheSameWithOneInstanceAndWithTwo() throws Exception {
        List<Doc> docs = labelledDocs();
        Instance alone = instance(false);
        List<Integer> answersAlone = registerAll(docs, "one", d -> alone);
        Instance first = instance(false);
        Instance second = instance(false);
        List<Integer> answersSplit = registerAll(docs, "two",
                d -> d.original() == (d.story() % 2 == 0) ? first : second);

        double[] one = score(docs, answersAlone);
        double[] two = score(docs, answersSplit);
        System.out.printf("[near-duplicates] %d articles, %d copies, each checked at registration:%n",
                docs.stream().filter(Doc::original).count(), docs.stream().filter(d -> !d.original()).count());
        System.out.printf("[near-duplicates] one instance : recall %.3f  precision %.3f  (%.0f of %.0f copies found)%n",
                one[0], one[1], one[2], one[3]);
        System.out.printf("[near-duplicates] two instances: recall %.3f  precision %.3f  (%.0f of %.0f copies found;"
                + " every original and its copies at different instances)%n", two[0], two[1], two[2], two[3]);
        assertThat(answersSplit).as("every article's answer").isEqualTo(answersAlone);
        assertThat(two).containsExactly(one);
        assertThat(one[0]).as("recall").isGreaterThanOrEqualTo(0.9);
        assertThat(one[1]).as("precision").isGreaterThanOrEqualTo(0.99);
    }

    /**
     * Registers the documents in order through the chosen instances; each answer is the position of the document the
     * article was found to (near-)duplicate, -1 for none, -2 for an article outside this list.
     */
    private List<Integer> registerAll(List<Doc> docs, String label, java.util.function.Function<Doc, Instance> at) {
        Map<String, Integer> positionOf = new HashMap<>();
        List<Integer> answers = new ArrayList<>();
        String tag = " " + punctuation(run + label);
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            PreparedArticle article = intake.prepare(new ArticleSubmission("https://near-dup-it.example/" + run + "/"
                    + label + "/" + i, "near-dup-it", d.title(), d.body() + tag, null, "en"), null);
            IngestOutcome outcome = at.apply(d).registry().register(article);
            String found = outcome.status() == IngestOutcome.Status.duplicate ? outcome.duplicateOf()
                    : outcome.nearDuplicateOf();
            answers.add(found == null ? -1 : positionOf.getOrDefault(found, -2));
            if (outcome.status() == IngestOutcome.Status.accepted) {
                positionOf.put(outcome.id(), i);
            }
        }
        return answers;
    }

    /** {recall over copies, precision over flagged articles, copies found, copies}. */
    private static double[] score(List<Doc> docs, List<Integer> answers) {
        int copies = 0;
        int found = 0;
        int flagged = 0;
        int right = 0;
        for (int i = 0; i < docs.size(); i++) {
            int answer = answers.get(i);
            boolean sameStory = answer >= 0 && docs.get(answer).story() == docs.get(i).story();
            flagged += answer != -1 ? 1 : 0;
            right += sameStory ? 1 : 0;
            if (!docs.get(i).original()) {
                copies++;
                found += sameStory ? 1 : 0;
            }
        }
        return new double[] {(double) found / copies, flagged == 0 ? 1 : (double) right / flagged, found, copies};
    }

    private List<Doc> labelledDocs() throws Exception {
        Random random = new Random(20261130);
        List<Doc> docs = new ArrayList<>();
        for (Doc original : NearDuplicateEvaluationTest.samples()) {
            // a fixed salt on every word: no other test's copy of a sample article is near these
            Doc salted = new Doc(original.story(), true, salted(original.title(), "zq"), salted(original.body(), "zq"));
            docs.add(salted);
            for (int c = 0; c < 12; c++) {
                docs.add(NearDuplicateEvaluationTest.edit(salted, random));
            }
        }
        return docs;
    }

    /** A detector and a registry of their own: one more ingest instance on the same database. */
    private Instance instance(boolean loadWindow) {
        NearDuplicateIndex index = new NearDuplicateIndex(config, fingerprints);
        if (loadWindow) {
            index.loadWindow();
        } else {
            index.followFrom(QuarkusTransaction.requiringNew().call(fingerprints::lastSeq));
        }
        return new Instance(index, new ArticleRegistry(config, index));
    }

    /**
     * The story with this run's and topic's salt on every word; of the salts tried, the first whose edited copy is at
     * most 8 bits away (SimHash quality is the evaluation's subject, not this test's).
     */
    private String story(String topic) {
        for (int k = 0;; k++) {
            String story = salted(STORY, run + topic + k + "x");
            if (SimHash.distance(SimHash.of(TITLE, story), SimHash.of(TITLE, copyOf(story))) <= 8) {
                return story;
            }
        }
    }

    /** A lightly edited copy: a dateline, one word changed, a byline. */
    private static String copyOf(String story) {
        return "PORT ELLEN (Wire) - " + story.replaceFirst("Tuesday", "Wednesday")
                + " Reporting by a staff writer; editing by the night desk.";
    }

    /**
     * The text in punctuation only: SimHash reads letters and digits alone, so a tag made of it gives each pass and
     * run a content hash of its own (no exact duplicate of an earlier pass) and leaves the SimHash as it was.
     */
    private static String punctuation(String text) {
        String marks = ".,;:!?-_()[]{}/*";
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(marks.charAt(c % marks.length()));
        }
        return out.toString();
    }

    private static String salted(String text, String salt) {
        return text.replaceAll("(\\p{L}+)", "$1" + salt);
    }

    private PreparedArticle prepare(String body, String slug) {
        return intake.prepare(new ArticleSubmission("https://near-dup-it.example/" + run + "/" + slug, "near-dup-it",
                TITLE, body, null, "en"), null);
    }

    private Map<String, Object> submission(String body, String slug) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", "https://near-dup-it.example/" + run + "/" + slug);
        m.put("source", "near-dup-it");
        m.put("title", TITLE);
        m.put("body", body);
        return m;
    }

    private String postToService(String body) {
        String slug = "svc" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> answer = given().contentType(ContentType.JSON).body(submission(body, slug))
                .post("/api/articles").then().statusCode(202).extract().jsonPath().getMap("");
        assertThat(answer).containsEntry("status", "accepted");
        return (String) answer.get("id");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
