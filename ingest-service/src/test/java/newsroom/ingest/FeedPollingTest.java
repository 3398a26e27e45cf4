package newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import newsroom.ingest.repository.ArticleRecord;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * Feeds against a real HTTP server started here (JDK HttpServer on 127.0.0.1, allowed by the test profile), serving
 * feeds written for this test: RSS 2.0 with conditional GET, Atom 1.0, a malformed one, a huge one, a slow one.
 * Every item carries the run id in its link and its text (the registry is shared and de-duplicates by text too).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedPollingTest {
    private static final int HUGE_ITEMS = 1500;
    private static final String ETAG = "\"rss-v1\"";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicInteger rssRequests = new AtomicInteger();
    private HttpServer server;
    private String base;

    @BeforeAll
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/rss.xml", this::rss);
        server.createContext("/atom.xml", exchange -> respond(exchange, 200, "application/atom+xml", atom()));
        server.createContext("/malformed.xml", exchange -> respond(exchange, 200, "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed"));
        server.createContext("/huge.xml", exchange -> respond(exchange, 200, "application/rss+xml", huge()));
        server.createContext("/slow.xml", exchange -> {
            try {
                releaseSlow.await(30, TimeUnit.SECONDS); // answers only after the poller has given up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Late</title></channel></rss>");
        });
        server.createContext("/gone.xml", exchange -> respond(exchange, 500, "text/plain", "down for maintenance"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stopServer() {
        releaseSlow.countDown();
        server.stop(0);
    }

    @Test
    void rssItemsBecomeArticlesAndAnUnchangedFeedAnswers304() {
        String id = register(base + "/rss.xml", "Harbour Gazette " + run);
        JsonPath first = pollNow(id);
        assertThat(first.getString("lastStatus")).isEqualTo("ok");
        assertThat(first.getInt("lastItems")).isEqualTo(3);
        assertThat(first.getInt("lastAccepted")).isEqualTo(3);

        ArticleRecord html = article("https://gazette.example/" + run + "/ferries");
        assertThat(html.title).isEqualTo("Ferries back on schedule");
        assertThat(html.body).isEqualTo("Ferries resumed on Monday (" + run + ").\n\nThe port authority thanked the crews.");
        assertThat(html.source).isEqualTo("Harbour Gazette " + run);
        assertThat(html.feedId).isEqualTo(id);
        assertThat(html.publishedAt).hasToString("2026-11-20T08:00:00Z");
        assertThat(html.language).isEqualTo("en-gb");
        assertThat(article("https://gazette.example/" + run + "/council").body).contains("council approved the budget");
        assertThat(article("https://gazette.example/" + run + "/headline-only").body).isEqualTo("Headline only item " + run);

        JsonPath second = pollNow(id);
        assertThat(second.getString("lastStatus")).isEqualTo("not-modified");
        assertThat(second.getInt("lastHttpStatus")).isEqualTo(304);
        assertThat(second.getLong("totalAccepted")).isEqualTo(3);
        assertThat(rssRequests.get()).isEqualTo(2);
    }

    @Test
    void atomEntriesBecomeArticles() {
        String id = register(base + "/atom.xml", "Valley Wire " + run);
        JsonPath polled = pollNow(id);
        assertThat(polled.getString("lastStatus")).isEqualTo("ok");
        assertThat(polled.getInt("lastAccepted")).isEqualTo(2);
        ArticleRecord bridge = article("https://valley.example/" + run + "/bridge");
        assertThat(bridge.title).isEqualTo("Bridge inspection finds no damage");
        assertThat(bridge.body).isEqualTo("Engineers inspected the old bridge after the flood (" + run + ").\n\nTraffic resumes tonight.");
        assertThat(bridge.publishedAt).hasToString("2026-11-21T10:15:00Z");
    }

    @Test
    void aMalformedFeedIsRecordedAsAnErrorAndBacksOff() {
        String id = register(base + "/malformed.xml", "Broken " + run);
        JsonPath polled = pollNow(id);
        assertThat(polled.getString("lastStatus")).isEqualTo("error");
        assertThat(polled.getString("lastError")).isNotBlank();
        assertThat(polled.getInt("consecutiveFailures")).isEqualTo(1);
        JsonPath again = pollNow(id);
        assertThat(again.getInt("consecutiveFailures")).isEqualTo(2);
        // interval 60 s: next poll 60 × 2^2 s after the last one
        long backoff = java.time.Instant.parse(again.getString("nextPollAt")).getEpochSecond()
                - java.time.Instant.parse(again.getString("lastPolledAt")).getEpochSecond();
        assertThat(backoff).isEqualTo(240);
    }

    @Test
    void anHttpErrorIsRecorded() {
        JsonPath polled = pollNow(register(base + "/gone.xml", "Gone " + run));
        assertThat(polled.getString("lastStatus")).isEqualTo("error");
        assertThat(polled.getInt("lastHttpStatus")).isEqualTo(500);
    }

    @Test
    void aHugeFeedIsIngestedInFull() {
        String id = register(base + "/huge.xml", "Bulk " + run);
        JsonPath polled = pollNow(id);
        assertThat(polled.getString("lastStatus")).isEqualTo("ok");
        assertThat(polled.getInt("lastItems")).isEqualTo(HUGE_ITEMS);
        assertThat(polled.getInt("lastAccepted")).isEqualTo(HUGE_ITEMS);
        long stored = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.count("feedId", id));
        assertThat(stored).isEqualTo(HUGE_ITEMS);
    }

    @Test
    void aSlowFeedTimesOutWithoutHoldingThePollerForever() {
        JsonPath polled = pollNow(register(base + "/slow.xml", "Slow " + run));
        assertThat(polled.getString("lastStatus")).isEqualTo("error");
        assertThat(polled.getString("lastError")).contains("timed out");
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/feed.xml",
                "http://[::1]:" + server.getAddress().getPort() + "/rss.xml", "http://192.168.0.10/rss", "http://metadata.google.internal/x"}) {
            given().contentType("application/json").body(Map.of("url", url, "source", "ssrf"))
                    .post("/api/feeds").then().statusCode(400)
                    .body("details[0]", org.hamcrest.Matchers.startsWith("url"));
        }
        given().contentType("application/json").body(Map.of("url", "file:///etc/passwd"))
                .post("/api/feeds").then().statusCode(400);
    }

    @Test
    void feedsCanBeListedAndDeletedAndAUrlRegistersOnce() {
        String url = base + "/atom.xml?copy=" + run;
        String id = register(url, "Listed " + run);
        assertThat(given().get("/api/feeds").then().statusCode(200).extract().jsonPath().getList("id", String.class)).contains(id);
        given().contentType("application/json").body(Map.of("url", url)).post("/api/feeds").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.notNullValue());
        given().delete("/api/feeds/" + id).then().statusCode(204);
        given().get("/api/feeds/" + id).then().statusCode(404);
        given().delete("/api/feeds/" + id).then().statusCode(404);
    }

    @Test
    void oneHostIsNotFetchedTwiceWithinTheMinimumInterval() {
        String a = register(base + "/gone.xml?a=" + run, "A " + run);
        String b = register(base + "/gone.xml?b=" + run, "B " + run);
        pollNow(a);
        given().post("/api/feeds/" + b + "/poll").then().statusCode(429).body("details[0]", org.hamcrest.Matchers.startsWith("url"));
    }

    private String register(String url, String source) {
        return given().contentType("application/json").body(Map.of("url", url, "source", source, "pollIntervalSeconds", 60))
                .post("/api/feeds").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Polls now, waiting out the per-host minimum interval (1 s in tests) when another poll just used the host. */
    private JsonPath pollNow(String id) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            answer[0] = given().post("/api/feeds/" + id + "/poll");
            return answer[0].statusCode() != 429;
        });
        assertThat(answer[0].statusCode()).as(answer[0].asString()).isEqualTo(200);
        return answer[0].jsonPath();
    }

    private static ArticleRecord article(String url) {
        String id = ArticleIds.of(CanonicalUrl.of(url), null);
        ArticleRecord r = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.<ArticleRecord>findById(id));
        assertThat(r).as("article for " + url).isNotNull();
        return r;
    }

    private void rss(HttpExchange exchange) throws IOException {
        rssRequests.incrementAndGet();
        if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("ETag", ETAG);
        exchange.getResponseHeaders().add("Last-Modified", "Fri, 20 Nov 2026 09:00:00 GMT");
        respond(exchange, 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>Harbour Gazette</title>
                    <link>https://gazette.example/</link>
                    <description>Local news from the harbour town</description>
                    <language>en-gb</language>
                    <item>
                      <title>Ferries back on schedule</title>
                      <link>https://gazette.example/RUN/ferries?utm_source=rss</link>
                      <description><![CDATA[<p>Ferries resumed on Monday (RUN).</p><script>track()</script><p>The port authority thanked the crews.</p>]]></description>
                      <pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
                    </item>
                    <item>
                      <title>Council passes budget</title>
                      <link>https://gazette.example/RUN/council</link>
                      <description>Short teaser.</description>
                      <content:encoded><![CDATA[<p>The town council approved the budget after a long evening session (RUN).</p>]]></content:encoded>
                      <pubDate>Fri, 20 Nov 2026 07:00:00 GMT</pubDate>
                    </item>
                    <item>
                      <title>Headline only item RUN</title>
                      <link>https://gazette.example/RUN/headline-only</link>
                    </item>
                  </channel>
                </rss>
                """.replace("RUN", run));
    }

    private String atom() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Valley Wire</title>
                  <id>urn:uuid:RUN</id>
                  <updated>2026-11-21T10:15:00Z</updated>
                  <entry>
                    <title>Bridge inspection finds no damage</title>
                    <link href="https://valley.example/RUN/bridge"/>
                    <id>urn:valley:RUN:bridge</id>
                    <published>2026-11-21T10:15:00Z</published>
                    <updated>2026-11-21T10:20:00Z</updated>
                    <content type="html">&lt;p&gt;Engineers inspected the old bridge after the flood (RUN).&lt;/p&gt;&lt;p&gt;Traffic resumes tonight.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>School reopens after repairs</title>
                    <link href="https://valley.example/RUN/school"/>
                    <id>urn:valley:RUN:school</id>
                    <updated>2026-11-21T09:00:00Z</updated>
                    <summary>The primary school reopened its doors after roof repairs over the summer (RUN).</summary>
                  </entry>
                </feed>
                """.replace("RUN", run);
    }

    private String huge() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bulk</title>");
        for (int i = 0; i < HUGE_ITEMS; i++) {
            xml.append("<item><title>Market note ").append(i).append("</title><link>https://bulk.example/").append(run)
                    .append('/').append(i).append("</link><description>Prices for lot ").append(i).append(" in run ")
                    .append(run).append(" moved within the usual range during the session.</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
