package newsroom.ingest.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import newsroom.ingest.ArticleSubmission;
import newsroom.ingest.BatchItem;
import newsroom.ingest.InvalidArticleException;
import newsroom.support.rest.ErrorResponses;

/**
 * Reads a batch request as it streams in: a JSON array (a syntax error anywhere refuses the whole request) or
 * NDJSON (one article per line; an unreadable line is a rejected element, the others go on). Elements of the
 * wrong shape are rejected one by one. More elements than the limit refuses the request with 413 before
 * anything is stored.
 */
@ApplicationScoped
public class BatchRequestReader {
    private final ObjectMapper mapper;
    /** For one element inside the array: what follows it is the rest of the array, not trailing garbage. */
    private final ObjectReader elementReader;

    public BatchRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.elementReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * One article as the single-article endpoint receives it, read from a stream the caller bounds; null for an
     * empty request (answered as "the request has no article").
     */
    public ArticleSubmission readArticle(InputStream in) throws IOException {
        try {
            return mapper.readValue(in, ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                    && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
                return null;
            }
            // the size limit tripped inside a deserializer, which wraps it: the answer is the 413, not a 400
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof InvalidArticleException refusal) {
                    throw refusal;
                }
            }
            throw e;
        }
    }

    public List<BatchItem> readJsonArray(InputStream in, int maxItems) throws IOException {
        List<BatchItem> items = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InvalidArticleException.invalid(List.of("request: the body is empty; send a JSON array of articles"));
            }
            if (first != JsonToken.START_ARRAY) {
                throw InvalidArticleException.invalid(List.of("request: expected a JSON array of articles"));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (items.size() >= maxItems) {
                    throw tooMany(maxItems);
                }
                JsonNode node = elementReader.readValue(parser);
                items.add(toItem(items.size(), node));
            }
            if (parser.nextToken() != null) {
                throw InvalidArticleException.invalid(List.of("request: unexpected content after the JSON array"));
            }
        }
        return items;
    }

    public List<BatchItem> readNdjson(InputStream in, int maxItems) throws IOException {
        List<BatchItem> items = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (items.size() >= maxItems) {
                    throw tooMany(maxItems);
                }
                try {
                    items.add(toItem(items.size(), mapper.readTree(line)));
                } catch (JsonProcessingException e) {
                    items.add(BatchItem.unreadable(items.size(),
                            List.of("line " + lineNumber + ": malformed JSON: " + e.getOriginalMessage())));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InvalidArticleException.invalid(List.of("request: not valid UTF-8 (" + e.getMessage() + ")"));
        }
        if (items.isEmpty()) {
            throw InvalidArticleException.invalid(List.of("request: no articles; send one JSON object per line"));
        }
        return items;
    }

    private BatchItem toItem(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return BatchItem.unreadable(index, List.of("[" + index + "]: expected a JSON object"));
        }
        try {
            return BatchItem.of(index, mapper.treeToValue(node, ArticleSubmission.class));
        } catch (JsonMappingException e) {
            return BatchItem.unreadable(index, List.of(ErrorResponses.fieldPath(e) + ": " + ErrorResponses.firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return BatchItem.unreadable(index, List.of("[" + index + "]: " + e.getOriginalMessage()));
        }
    }

    private static InvalidArticleException tooMany(int maxItems) {
        return new InvalidArticleException("batch too large",
                List.of("request: more than " + maxItems + " articles in one batch; split it"), true);
    }
}
