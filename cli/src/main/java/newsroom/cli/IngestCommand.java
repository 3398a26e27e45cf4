package newsroom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code newsroom ingest PATH}: files through {@code POST /api/articles/batch}, with progress and a summary. */
final class IngestCommand {

    record Summary(int accepted, int duplicates, int rejected, int unreadable) {
    }

    private final ObjectMapper json;
    private final HttpClient http;
    private final PrintStream out;
    private final PrintStream err;
    private final ApiKey key;

    IngestCommand(ObjectMapper json, HttpClient http, PrintStream out, PrintStream err, ApiKey key) {
        this.json = json;
        this.http = http;
        this.out = out;
        this.err = err;
        this.key = key;
    }

    Summary run(Path path, URI ingestUrl, String defaultSource, int batchSize) throws IOException, InterruptedException {
        ArticleFiles.Contents contents = new ArticleFiles(json).read(path);
        List<ArticleFiles.Submission> submissions = contents.submissions();
        for (ArticleFiles.Submission s : submissions) {
            if (!s.article().hasNonNull("source") && defaultSource != null) {
                s.article().put("source", defaultSource);
            }
        }
        out.printf("Ingesting %d article(s) from %s into %s%n", submissions.size(), path, ingestUrl);
        ProgressBar progress = new ProgressBar(err, submissions.size(), System.console() != null);
        int accepted = 0;
        int duplicates = 0;
        List<String> rejections = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (int from = 0; from < submissions.size(); from += batchSize) {
            List<ArticleFiles.Submission> batch = submissions.subList(from, Math.min(submissions.size(), from + batchSize));
            JsonNode results = post(ingestUrl.resolve("/api/articles/batch"), batch);
            for (int i = 0; i < batch.size(); i++) {
                JsonNode r = results.path(i);
                switch (r.path("status").asText("rejected")) {
                    case "accepted" -> accepted++;
                    case "duplicate" -> duplicates++;
                    default -> {
                        String why = reasonsOf(r);
                        rejections.add(batch.get(i).where() + ": " + why);
                        reasons.merge(why, 1, Integer::sum);
                    }
                }
            }
            progress.update(Math.min(submissions.size(), from + batchSize));
        }
        if (submissions.isEmpty()) {
            progress.update(0);
        }
        out.printf("Done: %d accepted, %d duplicate(s), %d rejected, %d unreadable file(s)%n",
                accepted, duplicates, rejections.size(), contents.problems().size());
        rejections.stream().limit(20).forEach(r -> out.println("  rejected  " + r));
        if (rejections.size() > 20) {
            out.printf("  ... and %d more rejected; by reason: %s%n", rejections.size() - 20, reasons);
        }
        contents.problems().forEach(p -> out.println("  unreadable " + p.where() + ": " + p.reason()));
        return new Summary(accepted, duplicates, rejections.size(), contents.problems().size());
    }

    private JsonNode post(URI uri, List<ArticleFiles.Submission> batch) throws IOException, InterruptedException {
        // NDJSON: one article a line, which the service reads as a stream.
        StringBuilder body = new StringBuilder();
        for (ArticleFiles.Submission s : batch) {
            body.append(json.writeValueAsString(s.article())).append('\n');
        }
        HttpRequest request = key.sign(HttpRequest.newBuilder(uri))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        key.check(response, "ingest-service");
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the ingest-service answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode root = json.readTree(response.body());
        return root.isArray() ? root : root.path("results");
    }

    private static String reasonsOf(JsonNode result) {
        List<String> parts = new ArrayList<>();
        result.path("reasons").forEach(r -> parts.add(r.isTextual() ? r.asText() : r.toString()));
        if (parts.isEmpty() && result.hasNonNull("error")) {
            parts.add(result.get("error").asText());
        }
        return parts.isEmpty() ? "rejected" : String.join("; ", parts);
    }
}
