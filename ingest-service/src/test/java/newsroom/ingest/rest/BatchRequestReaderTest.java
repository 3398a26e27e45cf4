package newsroom.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import newsroom.ingest.BatchItem;
import newsroom.ingest.InvalidArticleException;
import newsroom.ingest.config.StrictJson;

class BatchRequestReaderTest {
    private final BatchRequestReader reader;

    BatchRequestReaderTest() {
        // configured like the service's mapper (strict types, no trailing tokens)
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        reader = new BatchRequestReader(mapper);
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonArrayGivesOneItemPerElementAndRejectsWrongShapesOneByOne() throws IOException {
        List<BatchItem> items = reader.readJsonArray(in("""
                [{"title": "A", "body": "one"}, 7, {"body": 42}, {"body": "four", "publishedAt": "2026-01-02T03:04:05Z"}]"""), 10);
        assertThat(items).hasSize(4);
        assertThat(items.get(0).submission().body()).isEqualTo("one");
        assertThat(items.get(1).unreadable()).singleElement().asString().contains("expected a JSON object");
        assertThat(items.get(2).unreadable()).singleElement().asString().startsWith("body:");
        assertThat(items.get(3).submission().publishedAt()).hasToString("2026-01-02T03:04:05Z");
        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aSyntaxErrorInAnArrayRefusesTheWholeRequest() {
        assertThatThrownBy(() -> reader.readJsonArray(in("[{\"body\": \"one\"}, {\"body\": "), 10))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> reader.readJsonArray(in("{\"body\": \"one\"}"), 10))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("invalid");
        assertThatThrownBy(() -> reader.readJsonArray(in(""), 10)).isInstanceOf(InvalidArticleException.class);
    }

    @Test
    void moreElementsThanTheLimitIs413() {
        assertThatThrownBy(() -> reader.readJsonArray(in("[{\"body\":\"a\"},{\"body\":\"b\"},{\"body\":\"c\"}]"), 2))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.tooLarge()).isTrue());
        assertThatThrownBy(() -> reader.readNdjson(in("{\"body\":\"a\"}\n{\"body\":\"b\"}\n{\"body\":\"c\"}\n"), 2))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.tooLarge()).isTrue());
    }

    @Test
    void ndjsonRejectsAnUnreadableLineAndKeepsTheOthers() throws IOException {
        List<BatchItem> items = reader.readNdjson(in("{\"body\":\"a\"}\n\n{\"body\": oops}\n{\"body\":\"c\"}\n"), 10);
        assertThat(items).hasSize(3);
        assertThat(items.get(1).unreadable()).singleElement().asString().startsWith("line 3: malformed JSON");
        assertThat(items.get(2).submission().body()).isEqualTo("c");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = "{\"body\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.readNdjson(new ByteArrayInputStream(bytes), 10))
                .isInstanceOf(InvalidArticleException.class).satisfies(e ->
                        assertThat(((InvalidArticleException) e).details()).singleElement().asString().contains("UTF-8"));
        byte[] array = "[{\"body\":\"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.readJsonArray(new ByteArrayInputStream(array), 10))
                .isInstanceOf(JsonParseException.class);
    }
}
