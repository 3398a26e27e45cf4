package newsroom.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns files into article submissions for the batch API: {@code .txt} (first non-blank line is the title),
 * {@code .json} (an object or an array of objects), {@code .ndjson} (one object a line) and {@code .html}.
 * A file that cannot be read or decoded becomes a {@link Problem}, never an exception: one bad file must not stop a bulk load.
 */
public final class ArticleFiles {

    public static final List<String> EXTENSIONS = List.of("txt", "json", "ndjson", "html", "htm");

    /** One article read from a file; {@code where} names the file (and line or position) for the report. */
    public record Submission(String where, ObjectNode article) {
    }

    public record Problem(String where, String reason) {
    }

    public record Contents(List<Submission> submissions, List<Problem> problems) {
    }

    private final ObjectMapper json;

    public ArticleFiles(ObjectMapper json) {
        this.json = json;
    }

    /** Every readable article under {@code root} (a file, or a directory walked recursively in name order). */
    public Contents read(Path root) throws IOException {
        List<Submission> submissions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> files;
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(ArticleFiles::isArticleFile).sorted().toList();
            }
        } else if (Files.isRegularFile(root)) {
            files = List.of(root);
        } else {
            throw new IOException("no such file or directory: " + root);
        }
        for (Path file : files) {
            readFile(file, submissions, problems);
        }
        return new Contents(submissions, problems);
    }

    static boolean isArticleFile(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    private void readFile(Path file, List<Submission> submissions, List<Problem> problems) {
        String where = file.toString();
        String text;
        try {
            text = decodeUtf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            problems.add(new Problem(where, "not valid UTF-8"));
            return;
        } catch (IOException e) {
            problems.add(new Problem(where, "unreadable: " + e.getMessage()));
            return;
        }
        switch (extension(file)) {
            case "txt" -> fromText(where, text, submissions, problems);
            case "html", "htm" -> submissions.add(new Submission(where, fromHtml(text)));
            case "ndjson" -> fromNdjson(where, text, submissions, problems);
            case "json" -> fromJson(where, text, submissions, problems);
            default -> problems.add(new Problem(where, "unsupported file type"));
        }
    }

    private void fromText(String where, String text, List<Submission> submissions, List<Problem> problems) {
        String[] lines = text.strip().split("\\R", 2);
        if (lines[0].isBlank()) {
            problems.add(new Problem(where, "empty file"));
            return;
        }
        ObjectNode article = json.createObjectNode();
        article.put("title", lines[0].strip());
        article.put("body", lines.length > 1 ? lines[1].strip() : "");
        submissions.add(new Submission(where, article));
    }

    private ObjectNode fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title();
        if (title.isBlank() && doc.selectFirst("h1") != null) {
            title = doc.selectFirst("h1").text();
        }
        ObjectNode article = json.createObjectNode();
        if (!title.isBlank()) {
            article.put("title", title);
        }
        // The ingest-service turns HTML bodies into clean text; send the page as it is.
        article.put("body", html);
        return article;
    }

    private void fromNdjson(String where, String text, List<Submission> submissions, List<Problem> problems) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            addObject(where + ":" + (i + 1), lines[i], submissions, problems);
        }
    }

    private void fromJson(String where, String text, List<Submission> submissions, List<Problem> problems) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            problems.add(new Problem(where, "malformed JSON: " + firstLine(e.getMessage())));
            return;
        }
        if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                addNode(where + "[" + i + "]", node.get(i), submissions, problems);
            }
        } else {
            addNode(where, node, submissions, problems);
        }
    }

    private void addObject(String where, String text, List<Submission> submissions, List<Problem> problems) {
        try {
            addNode(where, json.readTree(text), submissions, problems);
        } catch (IOException e) {
            problems.add(new Problem(where, "malformed JSON: " + firstLine(e.getMessage())));
        }
    }

    private static void addNode(String where, JsonNode node, List<Submission> submissions, List<Problem> problems) {
        if (node instanceof ObjectNode object) {
            submissions.add(new Submission(where, object));
        } else {
            problems.add(new Problem(where, "expected a JSON object"));
        }
    }

    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** For tests and reports: the fields a submission carries. */
    static Map<String, String> fields(ObjectNode article) {
        Map<String, String> out = new LinkedHashMap<>();
        article.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
