package newsroom.search.alert.service;

import static newsroom.search.EnrichedArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.search.repository.IndexAnalysis;
import newsroom.search.service.EntityMerges;

/** The monitor in process: what a subscription matches, and where it is matched. */
class AlertMonitorTest {
    static final Instant T = Instant.parse("2025-08-01T10:00:00Z");
    static final Ent HARBOUR_BOARD = new Ent("organization:harbour-board", "Harbour Board", EntityType.ORGANIZATION,
            0.7, "Harbour Board");
    static final Ent MAYOR = new Ent("person:ana-lopez", "Ana López", EntityType.PERSON, 0.6, "Ana López");

    final EntityMerges merges = new EntityMerges();
    final AlertMonitor monitor = new AlertMonitor(config("term"), new SimpleMeterRegistry());
    final AlertDocuments documents = new AlertDocuments(merges);

    @AfterEach
    void close() throws IOException {
        monitor.close();
    }

    static AlertConfig config(String presearcher) {
        return config(presearcher, 50);
    }

    static AlertConfig config(String presearcher, int monitorBatch) {
        return (AlertConfig) Proxy.newProxyInstance(AlertConfig.class.getClassLoader(),
                new Class<?>[] {AlertConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "monitorPresearcher" -> presearcher;
                    case "monitorBatch" -> monitorBatch;
                    default -> null;
                });
    }

    static MonitoredSubscription subscription(String id, String q, List<String> entities, List<String> types,
            List<String> sources) {
        AlertSubscription s = new AlertSubscription();
        s.id = id;
        s.name = "name of " + id;
        s.q = q;
        s.entities = AlertSubscription.join(entities);
        s.types = AlertSubscription.join(types);
        s.sources = AlertSubscription.join(sources);
        s.updatedAt = T;
        return MonitoredSubscription.of(s);
    }

    static MonitoredSubscription text(String id, String q) {
        return subscription(id, q, List.of(), List.of(), List.of());
    }

    Set<String> matched(EnrichedArticle a) throws IOException {
        return matchedOneByOne(monitor, List.of(a)).get(0);
    }

    /** Each article in a batch of its own (Lucene matches a single document in a MemoryIndex). */
    List<Set<String>> matchedOneByOne(AlertMonitor m, List<EnrichedArticle> articles) throws IOException {
        List<Set<String>> out = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            AlertMonitor.Matches found = m.match(List.of(documents.of(a)));
            assertThat(found.ids()).hasSize(1);
            assertThat(found.errors()).isEmpty();
            out.add(found.ids().get(0));
        }
        return out;
    }

    @Test
    void textMatchesLikeSimpleQueryStringWithAndAcrossTitleAndBody() throws IOException {
        monitor.put(List.of(text("both", "harbour budget"), text("phrase", "\"e mail\""),
                text("wrongOrder", "\"mail e\""), text("negated", "-harbour"), text("orNegated", "drought | -budget"),
                text("prefix", "tarif*"), text("accent", "LÓPEZ"), text("hyphen", "covid-19"),
                text("nothing", "&"), text("escaped", "budget\\*")));
        EnrichedArticle a = article("a", "wire", T, "Harbour news", "An e-mail on the Tariffs, the budget and "
                + "Covid-19, from Ana Lopez.");
        EnrichedArticle b = article("b", "wire", T, "Drought", "Ana López spoke about covid and the budget.");

        assertThat(matched(a)).containsExactlyInAnyOrder("both", "phrase", "prefix", "accent", "hyphen", "escaped");
        assertThat(matched(b)).containsExactlyInAnyOrder("negated", "orNegated", "accent", "escaped");
    }

    @Test
    void filtersAndEntityWatchesFollowMergesWithoutRecompiling() throws IOException {
        monitor.put(List.of(subscription("watch", null, List.of("organization:port-authority"), List.of(), List.of()),
                subscription("typed", "budget", List.of(), List.of("PERSON", "LAW"), List.of("wire", "desk")),
                subscription("elsewhere", null, List.of(), List.of(), List.of("other-source"))));
        EnrichedArticle a = article("a", "wire", T, "Harbour Board budget", "The Harbour Board and Ana López.",
                HARBOUR_BOARD, MAYOR);

        assertThat(matched(a)).containsExactly("typed");
        merges.merged("organization:port-authority", "organization:harbour-board", 1L);
        assertThat(matched(a)).containsExactlyInAnyOrder("typed", "watch");
        merges.unmerged("organization:port-authority", 2L);
        assertThat(matched(a)).containsExactly("typed");
    }

    @Test
    void fuzzyTermsGoToElasticsearchAndBrokenDefinitionsAreKeptAside() throws IOException {
        MonitoredSubscription broken = subscription("broken", null, List.of(), List.of("NOT_A_TYPE"), List.of());
        monitor.put(List.of(text("fuzzy", "harbor~1 news"), broken, text("plain", "harbour")));

        assertThat(monitor.entry("fuzzy").target()).isEqualTo(AlertMonitor.Target.ELASTICSEARCH);
        assertThat(monitor.entry("broken").target()).isEqualTo(AlertMonitor.Target.INVALID);
        assertThat(monitor.entry("broken").reason()).contains("type");
        assertThat(matched(article("a", "wire", T, "Harbour news", "text"))).containsExactly("plain");
        assertThat(ids(AlertMonitor.Target.ELASTICSEARCH)).containsExactly("fuzzy");
        assertThat(ids(AlertMonitor.Target.INVALID)).containsExactly("broken");
        assertThat(ids(AlertMonitor.Target.MONITOR)).containsExactly("plain");

        // Edited into something Lucene can match, then removed: the monitor follows.
        monitor.put(List.of(text("fuzzy", "news")));
        assertThat(matched(article("a", "wire", T, "Harbour news", "text"))).containsExactlyInAnyOrder("plain", "fuzzy");
        assertThat(ids(AlertMonitor.Target.ELASTICSEARCH)).isEmpty();
        assertThat(ids(AlertMonitor.Target.MONITOR)).containsExactlyInAnyOrder("plain", "fuzzy");
        monitor.remove(List.of("plain", "fuzzy", "broken"));
        assertThat(matched(article("a", "wire", T, "Harbour news", "text"))).isEmpty();
        assertThat(ids(AlertMonitor.Target.INVALID)).isEmpty();
        assertThat(ids(AlertMonitor.Target.MONITOR)).isEmpty();
    }

    private List<String> ids(AlertMonitor.Target target) {
        return monitor.byTarget(target).stream().map(e -> e.subscription().id()).toList();
    }

    @Test
    void bothPresearchersFindTheSameMatches() throws IOException {
        AlertMonitor multipass = new AlertMonitor(config("multipass"), new SimpleMeterRegistry());
        try {
            List<MonitoredSubscription> subs = List.of(text("t1", "harbour -drought"), text("t2", "\"budget vote\""),
                    subscription("t3", "vote", List.of(MAYOR.id()), List.of(), List.of()), text("t4", "bud*"));
            monitor.put(subs);
            multipass.put(subs);
            EnrichedArticle a = article("a", "wire", T, "Budget vote", "Ana López and the harbour.", MAYOR);
            Set<String> viaMultipass = matchedOneByOne(multipass, List.of(a)).get(0);
            assertThat(matched(a)).containsExactlyInAnyOrder("t1", "t2", "t3", "t4").isEqualTo(viaMultipass);
        } finally {
            multipass.close();
        }
    }

    @Test
    void aBatchGivesEachArticleExactlyItsOwnMatchesAsOneAtATimeDoes() throws IOException {
        List<MonitoredSubscription> subs = List.of(text("harbour", "harbour"), text("drought", "drought -harbour"),
                text("phrase", "\"budget vote\""),
                subscription("watch", null, List.of(HARBOUR_BOARD.id()), List.of(), List.of()),
                subscription("both", null, List.of(HARBOUR_BOARD.id(), MAYOR.id()), List.of(), List.of()),
                subscription("mayorVote", "vote", List.of(MAYOR.id()), List.of(), List.of()),
                subscription("deskBudget", "budget", List.of(), List.of(), List.of("desk")));
        List<EnrichedArticle> articles = List.of(
                article("harbour", "wire", T, "Harbour news", "Boats came in."),
                article("drought", "wire", T, "Drought", "No rain this month."),
                article("board", "wire", T, "Board meets", "The Harbour Board met.", HARBOUR_BOARD),
                article("nothing", "wire", T, "Weather", "Sunny and mild."),
                article("vote", "desk", T, "Budget vote", "Ana López and the Harbour Board.", HARBOUR_BOARD, MAYOR),
                article("wireVote", "wire", T, "Budget vote", "Ana López spoke.", MAYOR));
        List<Set<String>> expected = List.of(Set.of("harbour"), Set.of("drought"), Set.of("watch", "harbour"),
                Set.of(), Set.of("harbour", "phrase", "watch", "both", "mayorVote", "deskBudget"),
                Set.of("phrase", "mayorVote"));
        // A cap of 4 splits the six articles into a chunk of four and one of two; 50 matches them all at once.
        AlertMonitor chunked = new AlertMonitor(config("term", 4), new SimpleMeterRegistry());
        try {
            monitor.put(subs);
            chunked.put(subs);
            List<Set<String>> oneByOne = matchedOneByOne(monitor, articles);
            assertThat(oneByOne).isEqualTo(expected);
            for (AlertMonitor m : List.of(monitor, chunked)) {
                AlertMonitor.Matches batch = m.match(articles.stream().map(documents::of).toList());
                assertThat(batch.ids()).isEqualTo(expected);
                assertThat(batch.errors()).isEmpty();
                assertThat(batch.queriesRun()).isPositive();
            }
        } finally {
            chunked.close();
        }
    }

    /**
     * The monitor runs each candidate's weight directly ({@link RewrittenQueryMatcher}); Lucene's own search of the
     * same query on the same article must agree, for every kind of clause a subscription can hold.
     */
    @Test
    void theMonitorMatchesWhatALuceneSearchOfTheArticleMatches() throws IOException {
        List<MonitoredSubscription> subs = new ArrayList<>();
        String[] texts = {"harbour", "harbour budget", "\"budget vote\"", "\"vote budget\"~2", "tarif*",
                "harbour | drought", "-harbour", "drought | -budget", "(harbour + vote) | rain", "lópez -\"ana lopez\"",
                "covid-19", "\"harbour board\" +met"};
        for (int i = 0; i < texts.length; i++) {
            subs.add(text("t" + i, texts[i]));
            subs.add(subscription("e" + i, texts[i], List.of(MAYOR.id()), List.of(), List.of()));
            subs.add(subscription("s" + i, texts[i], List.of(), List.of("PERSON"), List.of("desk")));
        }
        List<EnrichedArticle> articles = List.of(
                article("a", "wire", T, "Harbour news", "Boats came in before the tariffs and the budget vote."),
                article("b", "desk", T, "Budget vote", "Ana López and the Harbour Board met.", HARBOUR_BOARD, MAYOR),
                article("c", "desk", T.plusSeconds(3600), "Drought", "No rain this month; Covid-19 cases.", MAYOR),
                article("d", "wire", T, "Vote", "The budget was voted, Ana Lopez said.", MAYOR));
        monitor.put(subs);
        for (EnrichedArticle a : articles) {
            MemoryIndex index = MemoryIndex.fromDocument(documents.of(a).document(), IndexAnalysis.STANDARD);
            IndexSearcher searcher = index.createSearcher();
            Set<String> expected = new java.util.TreeSet<>();
            for (MonitoredSubscription s : subs) {
                if (searcher.count(AlertQueryCompiler.compile(s.query()).query()) > 0) {
                    expected.add(s.id());
                }
            }
            assertThat(new java.util.TreeSet<>(matched(a))).as(a.id()).isEqualTo(expected);
        }
    }

    /**
     * A query past Lucene's clause limit (1,024 distinct clauses, counted when it is rewritten). The API takes 1,000
     * characters of text, and the standard analyzer makes each CJK ideograph a word of its own: 1,000 words on two
     * fields each. It goes to Elasticsearch, as /api/search runs it, and holds no other subscription.
     */
    @Test
    void aQueryPastLucenesClauseLimitIsMatchedOnElasticsearchAndHoldsNoOtherSubscription() throws IOException {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            q.append((char) (0x4E00 + i));
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("v" + i);
        }
        MonitoredSubscription huge = subscription("huge", q.toString(), many.stream()
                .map(v -> "organization:" + v).toList(), List.of("PERSON"), many);
        monitor.put(List.of(huge, text("plain", "harbour")));

        assertThat(monitor.entry("huge").target()).isEqualTo(AlertMonitor.Target.ELASTICSEARCH);
        assertThat(monitor.entry("huge").reason()).contains("clauses");
        assertThat(matched(article("a", "wire", T, "Harbour news", "text"))).containsExactly("plain");
    }

    @Test
    void anArticleLuceneCannotIndexMatchesNothingAndHoldsNoOtherArticle() throws IOException {
        List<MonitoredSubscription> subs = List.of(text("harbour", "harbour"),
                subscription("watch", null, List.of(HARBOUR_BOARD.id()), List.of(), List.of()));
        // A keyword past Lucene's 32,766-byte term limit (Elasticsearch refuses the document for the same reason)
        List<EnrichedArticle> articles = List.of(article("before", "wire", T, "Harbour news", "Boats came in."),
                article("immense", "s".repeat(33_000), T, "Harbour Board", "The harbour.", HARBOUR_BOARD),
                article("after", "wire", T, "Board meets", "The Harbour Board met.", HARBOUR_BOARD));
        AlertMonitor oneAtATime = new AlertMonitor(config("term", 1), new SimpleMeterRegistry());
        try {
            monitor.put(subs);
            oneAtATime.put(subs);
            for (AlertMonitor m : List.of(oneAtATime, monitor)) {
                AlertMonitor.Matches found = m.match(articles.stream().map(documents::of).toList());
                assertThat(found.ids()).containsExactly(Set.of("harbour"), Set.of(), Set.of("harbour", "watch"));
                assertThat(found.unindexable()).containsOnlyKeys(1);
            }
        } finally {
            oneAtATime.close();
        }
    }
}
