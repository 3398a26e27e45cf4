package newsroom.search.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import newsroom.search.repository.ArticleDocument.StoryKeys;

/**
 * {@link StoryKeys} as the index keeps them: lines {@code t|weight|term}, {@code e|weight|entity id},
 * {@code l|language}, UTF-8, in one {@code binary} field with doc values (base64 in JSON). The story candidate search
 * reads them from doc values: one slice per hit, where the hit's {@code _source} would be decompressed and parsed,
 * and a keyword field's many values would each be looked up in its terms dictionary (both measured: the largest
 * parts of Elasticsearch's CPU per article). The key comes last on its line, so it may hold any character but a
 * line break, which no analysed term or entity id has (a key with one is left out).
 */
public final class StoryKeysCodec {
    private StoryKeysCodec() {
    }

    /** The base64 value of the index field. */
    public static String encode(StoryKeys keys) {
        return Base64.getEncoder().encodeToString(String.join("\n", pack(keys)).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys from the index field's base64 value. */
    public static StoryKeys decode(String base64) {
        String lines = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        return unpack(lines.isEmpty() ? List.of() : List.of(lines.split("\n")));
    }

    static List<String> pack(StoryKeys keys) {
        List<String> out = new ArrayList<>();
        if (keys.terms() != null) {
            keys.terms().forEach((t, w) -> add(out, "t|" + w + "|" + t));
        }
        if (keys.entities() != null) {
            keys.entities().forEach((e, w) -> add(out, "e|" + w + "|" + e));
        }
        if (keys.language() != null) {
            out.add("l|" + keys.language());
        }
        return out;
    }

    private static void add(List<String> out, String line) {
        if (line.indexOf('\n') < 0) {
            out.add(line);
        }
    }

    /** The keys back; a value in no known form is skipped rather than failing the whole article. */
    static StoryKeys unpack(Iterable<String> values) {
        Map<String, Double> terms = new HashMap<>();
        Map<String, Double> entities = new HashMap<>();
        String language = null;
        for (String v : values) {
            if (v.startsWith("l|")) {
                language = v.substring(2);
                continue;
            }
            int bar = v.indexOf('|', 2);
            if (v.length() < 2 || v.charAt(1) != '|' || bar < 0) {
                continue;
            }
            double weight;
            try {
                weight = Double.parseDouble(v.substring(2, bar));
            } catch (NumberFormatException e) {
                continue;
            }
            String key = v.substring(bar + 1);
            switch (v.charAt(0)) {
                case 't' -> terms.put(key, weight);
                case 'e' -> entities.put(key, weight);
                default -> {
                }
            }
        }
        return new StoryKeys(terms, entities, language);
    }

    public static final class Serializer extends JsonSerializer<StoryKeys> {
        @Override
        public void serialize(StoryKeys keys, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(encode(keys));
        }
    }

    public static final class Deserializer extends JsonDeserializer<StoryKeys> {
        @Override
        public StoryKeys deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (StoryKeys) ctxt.handleUnexpectedToken(StoryKeys.class, p);
            }
            return decode(p.getText());
        }
    }
}
