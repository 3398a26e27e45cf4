package newsroom.search.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.events.EntityType;

/** Every field name the code uses on the article index is a field of its mapping. */
class ArticleFieldsTest {

    @Test
    void everyFieldNameIsDeclaredByTheMapping() throws Exception {
        Set<String> mapped = mappedFields();
        List<String> names = new ArrayList<>();
        for (Field f : ArticleFields.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        assertThat(names).hasSizeGreaterThan(20).allSatisfy(name -> assertThat(mapped).contains(name));
    }

    @Test
    void everyEntityTypeHasItsIdField() throws Exception {
        Set<String> mapped = mappedFields();
        for (EntityType type : EntityType.values()) {
            assertThat(mapped).contains(ArticleFields.entityIdsOfType(type.name()));
        }
    }

    /** Every path the mapping declares: objects, nested objects, their fields and multi-fields. */
    private static Set<String> mappedFields() throws IOException {
        try (InputStream in = ArticleFieldsTest.class.getClassLoader()
                .getResourceAsStream(ArticleIndex.MAPPING_RESOURCE)) {
            assertThat(in).as(ArticleIndex.MAPPING_RESOURCE).isNotNull();
            Set<String> out = new HashSet<>();
            collect(new ObjectMapper().readTree(in).get("properties"), "", out);
            return out;
        }
    }

    private static void collect(JsonNode properties, String prefix, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            out.add(path);
            if (e.getValue().has("properties")) {
                collect(e.getValue().get("properties"), path + ".", out);
            }
            if (e.getValue().has("fields")) {
                collect(e.getValue().get("fields"), path + ".", out);
            }
        }
    }
}
