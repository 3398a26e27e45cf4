package newsroom.ingest;

import newsroom.support.access.testing.TestKeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import newsroom.ingest.repository.ArticleRecord;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * A corpus of bad requests: each must get the expected 4xx with {@code {"error", "details"}} naming the field,
 * never a 5xx, and nothing may be stored (every request carries a marker word that is then searched for).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    @TestHTTPResource("/api/articles")
    URI articlesUri;

    private final String marker = "badinput" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> seen = new ArrayList<>();

    record BadRequest(String name, String contentType, byte[] body, int status, String field) {
        static BadRequest json(String name, String json, int status, String field) {
            return new BadRequest(name, "application/json", json.getBytes(StandardCharsets.UTF_8), status, field);
        }
    }

    private List<BadRequest> singleArticleCorpus() {
        String m = marker;
        String okBody = "\"body\": \"Text " + m + "\"";
        List<BadRequest> corpus = new ArrayList<>();
        corpus.add(BadRequest.json("malformed JSON", "{\"title\": \"" + m + "\", \"body\": \"unterminated", 400, null));
        corpus.add(BadRequest.json("trailing garbage", "{" + okBody + "} }", 400, null));
        corpus.add(BadRequest.json("empty request body", "", 400, null));
        corpus.add(BadRequest.json("JSON null", "null", 400, "body"));
        corpus.add(BadRequest.json("array instead of object", "[{" + okBody + "}]", 400, null));
        corpus.add(BadRequest.json("body is a number", "{\"title\": \"" + m + "\", \"body\": 42}", 400, "body"));
        corpus.add(BadRequest.json("body is an object", "{\"title\": \"" + m + "\", \"body\": {\"text\": \"x\"}}", 400, "body"));
        corpus.add(BadRequest.json("title is a boolean", "{\"title\": true, " + okBody + "}", 400, "title"));
        corpus.add(BadRequest.json("publishedAt not a date", "{\"publishedAt\": \"last Tuesday\", " + okBody + "}", 400, "publishedAt"));
        corpus.add(BadRequest.json("publishedAt a boolean", "{\"publishedAt\": false, " + okBody + "}", 400, "publishedAt"));
        corpus.add(BadRequest.json("missing body", "{\"title\": \"" + m + "\", \"url\": \"https://bad.example/" + m + "\"}", 400, "body"));
        corpus.add(BadRequest.json("blank body", "{\"title\": \"" + m + "\", \"body\": \" \\n\\t \"}", 400, "body"));
        corpus.add(BadRequest.json("body only a script", "{\"title\": \"" + m + "\", \"body\": \"<script>alert(1)</script><p> </p>\"}", 400, "body"));
        corpus.add(BadRequest.json("ftp URL", "{\"url\": \"ftp://files.example/" + m + "\", " + okBody + "}", 400, "url"));
        corpus.add(BadRequest.json("javascript URL", "{\"url\": \"javascript:alert('" + m + "')\", " + okBody + "}", 400, "url"));
        corpus.add(BadRequest.json("relative URL", "{\"url\": \"/news/" + m + "\", " + okBody + "}", 400, "url"));
        corpus.add(BadRequest.json("URL with spaces", "{\"url\": \"https://bad example/" + m + "\", " + okBody + "}", 400, "url"));
        corpus.add(BadRequest.json("URL a number", "{\"url\": 12, " + okBody + "}", 400, "url"));
        corpus.add(BadRequest.json("NUL in title", "{\"title\": \"a\\u0000b\", " + okBody + "}", 400, "title"));
        corpus.add(BadRequest.json("escape char in body", "{\"body\": \"Text " + m + " \\u001b[31m red\"}", 400, "body"));
        corpus.add(BadRequest.json("unpaired surrogate", "{\"body\": \"Text " + m + " \\ud800 x\"}", 400, "body"));
        corpus.add(BadRequest.json("raw control char in string", "{\"body\": \"Text " + m + " \u0007 bell\"}", 400, null));
        corpus.add(BadRequest.json("bad language tag", "{\"language\": \"english please\", " + okBody + "}", 400, "language"));
        corpus.add(BadRequest.json("source too long", "{\"source\": \"" + "s".repeat(300) + "\", " + okBody + "}", 400, "source"));
        byte[] invalidUtf8 = ("{\"title\": \"" + m + "\", \"body\": \"caf\u0000\"}").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8
        corpus.add(new BadRequest("invalid UTF-8", "application/json", invalidUtf8, 400, null));
        byte[] latin1 = ("{\"body\": \"Caf\u00e9 " + m + " \u00e9t\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        corpus.add(new BadRequest("Latin-1 bytes declared as UTF-8", "application/json; charset=UTF-8", latin1, 400, null));
        corpus.add(new BadRequest("text/plain", "text/plain", ("Text " + m).getBytes(StandardCharsets.UTF_8), 415, null));
        corpus.add(new BadRequest("XML", "application/xml", ("<article><body>" + m + "</body></article>").getBytes(StandardCharsets.UTF_8), 415, null));
        String bigBody = m + " " + "word ".repeat(1024 * 1024 / 5 + 10);
        corpus.add(BadRequest.json("body over 1 MiB", "{\"body\": \"" + bigBody + "\"}", 413, "body"));
        String hugeBody = m + " " + "x".repeat(5 * 1024 * 1024);
        corpus.add(BadRequest.json("request over the HTTP limit", "{\"body\": \"" + hugeBody + "\"}", 413, null));
        return corpus;
    }

    @Test
    void everyBadSingleArticleGetsA4xxJsonErrorAndNothingIsStored() {
        List<String> failures = new ArrayList<>();
        for (BadRequest bad : singleArticleCorpus()) {
            Answer response = send(articlesUri, bad);
            seen.add(bad.name() + " -> " + response.status());
            String problem = problemWith(bad, response);
            if (problem != null) {
                failures.add(bad.name() + ": " + problem);
            }
        }
        assertThat(failures).as("responses: %s", seen).isEmpty();
        assertNothingStored();
    }

    @Test
    void aValidArticleAfterTheCorpusIsStillAccepted() {
        String body = "{\"title\": \"Fine " + UUID.randomUUID() + "\", \"body\": \"A perfectly ordinary text.\"}";
        given().contentType("application/json").body(body).post("/api/articles").then().statusCode(202);
    }

    @Test
    void rejectionsAreCounted() {
        // malformed JSON is refused by the shared mappers (service-support), which count it by reason
        given().contentType("application/json").body("{").post("/api/articles").then().statusCode(400);
        // an article the intake refuses is counted as an article outcome
        given().contentType("application/json").body("{\"body\": \" \"}").post("/api/articles").then().statusCode(400);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("newsroom_http_rejected_total\\{[^}]*reason=\"malformed\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("ingest_articles_total\\{[^}]*outcome=\"rejected\"[^}]*\\} [1-9]");
    }

    @Test
    void errorsOutsideTheArticleEndpointsAreTheSameJson() {
        given().get("/api/no-such-endpoint").then().statusCode(404).contentType("application/json")
                .body("error", org.hamcrest.Matchers.equalTo("not found"));
        given().delete("/api/articles").then().statusCode(405).contentType("application/json")
                .body("error", org.hamcrest.Matchers.equalTo("method not allowed"));
        given().contentType("application/json").body("{\"url\": 7}").post("/api/feeds").then().statusCode(400)
                .contentType("application/json").body("details[0]", org.hamcrest.Matchers.startsWith("url"));
    }

    @jakarta.inject.Inject
    newsroom.ingest.rest.RequestSizeGuard limits;

    /**
     * Each endpoint's own request limit, one byte over it: a JSON 413 naming the limit, on the declared length alone
     * (only the headers and the start of the body are sent), and for the endpoints that read a stream also when the
     * request has no declared length (chunked) and is counted while read. The connection is answered, not reset.
     */
    @Test
    void eachEndpointAnswers413JsonOneByteOverItsOwnLimit() {
        record Limit(String path, String contentType, long limit) {
        }
        List<Limit> endpoints = List.of(new Limit("/api/articles", "application/json", limits.articleLimit()),
                new Limit("/api/feeds", "application/json", limits.feedLimit()),
                new Limit("/api/articles/batch", "application/x-ndjson", limits.batchLimit()));
        assertThat(limits.articleLimit()).isLessThan(limits.batchLimit());
        assertThat(limits.batchLimit()).isLessThan(limits.maxBodyBytes());
        assertThat(limits.feedLimit()).isLessThan(limits.articleLimit());
        List<String> failures = new ArrayList<>();
        for (Limit endpoint : endpoints) {
            URI uri = articlesUri.resolve(endpoint.path());
            Answer declared = declaredLength(uri, endpoint.contentType(), endpoint.limit() + 1);
            String problem = problemWith(new BadRequest(endpoint.path(), endpoint.contentType(), new byte[0], 413, "request"),
                    declared);
            if (problem == null && !declared.body().contains("limit of " + endpoint.limit() + " bytes")) {
                problem = "does not name the limit: " + declared.body();
            }
            if (problem != null) {
                failures.add(endpoint.path() + " declared " + (endpoint.limit() + 1) + ": " + problem);
            }
        }
        for (Limit endpoint : List.of(endpoints.get(0), endpoints.get(2))) {
            byte[] body = oneOverLimit(endpoint.contentType(), endpoint.limit());
            Answer streamed = chunked(articlesUri.resolve(endpoint.path()), endpoint.contentType(), body);
            String problem = problemWith(new BadRequest(endpoint.path(), endpoint.contentType(), body, 413, "request"), streamed);
            if (problem != null) {
                failures.add(endpoint.path() + " chunked " + body.length + ": " + problem);
            }
        }
        assertThat(failures).isEmpty();
        assertNothingStored();
        aValidArticleAfterTheCorpusIsStillAccepted();
    }

    /** A request body of exactly {@code limit + 1} bytes that is otherwise a valid article (or NDJSON line). */
    private byte[] oneOverLimit(String contentType, long limit) {
        String head = "{\"title\": \"" + marker + "\", \"body\": \"";
        String tail = "\"}" + (contentType.contains("ndjson") ? "\n" : "");
        StringBuilder json = new StringBuilder(head);
        json.append("word ".repeat((int) ((limit + 1 - head.length() - tail.length()) / 5)));
        while (json.length() + tail.length() < limit + 1) {
            json.append('x');
        }
        return json.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Declares {@code length} bytes but sends only the headers and 64 KiB: a refusal must come on the headers. */
    static Answer declaredLength(URI uri, String contentType, long length) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nX-Api-Key: " + TestKeys.ADMIN + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[(int) Math.min(length, 64 * 1024)]);
            out.flush();
            return readAnswer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the body in 64 KiB chunks without a declared length, then reads the answer. */
    static Answer chunked(URI uri, String contentType, byte[] body) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nX-Api-Key: " + TestKeys.ADMIN + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < body.length; from += 64 * 1024) {
                int n = Math.min(64 * 1024, body.length - from);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAnswer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer readAnswer(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String statusLine = in.readLine();
        String contentType = null;
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), contentType, new String(body, 0, read));
    }

    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends the request. One whose declared size is over the HTTP limit is refused on its headers, so for that one
     * only the headers and the start of the body go out on a raw socket (a client still writing megabytes after the
     * answer would see a broken pipe instead of the answer).
     */
    static Answer send(URI uri, BadRequest bad) {
        if (bad.body().length <= 4 * 1024 * 1024) {
            var spec = given().body(bad.body());
            if (bad.contentType() != null) {
                spec = spec.contentType(bad.contentType());
            }
            Response r = spec.post(uri);
            return new Answer(r.statusCode(), r.contentType(), r.asString());
        }
        return declaredLength(uri, bad.contentType(), bad.body().length); // refused on the headers: they decide
    }

    static String problemWith(BadRequest bad, Answer response) {
        int status = response.status();
        if (status != bad.status()) {
            return "status " + status + " instead of " + bad.status() + ": " + abbreviate(response.body());
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/json")) {
            return "content type " + response.contentType();
        }
        JsonPath json = JsonPath.from(response.body());
        if (json.getString("error") == null || json.getList("details") == null || json.getList("details").isEmpty()) {
            return "no {error, details}: " + abbreviate(response.body());
        }
        if (bad.field() != null && json.getList("details", String.class).stream().noneMatch(d -> d.startsWith(bad.field()))) {
            return "details do not name " + bad.field() + ": " + json.getList("details");
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "...";
    }

    private void assertNothingStored() {
        long stored = QuarkusTransaction.requiringNew().call(() -> ArticleRecord.count(
                "body like ?1 or title like ?1 or url like ?1 or source like ?1", "%" + marker + "%"));
        assertThat(stored).isZero();
    }

    @AfterAll
    void nothingStoredAtAll() {
        assertNothingStored();
    }
}
