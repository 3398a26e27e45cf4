package newsroom.search.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.search.repository.ArticleDocument.StoryKeys;

class StoryKeysCodecTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keysSurviveTheRoundTripThroughTheIndexForm() throws Exception {
        StoryKeys keys = new StoryKeys(Map.of("strike", 2.75, "a|b", 1.0E-7, "6,9", 3.0),
                Map.of("org:dock-workers|union", 0.5, "name:josé-pérez", 12.0), "es");

        List<String> packed = StoryKeysCodec.pack(keys);
        String written = json.writeValueAsString(keys);

        assertThat(packed).contains("t|2.75|strike", "e|0.5|org:dock-workers|union", "l|es");
        assertThat(json.readTree(written).isTextual()).isTrue();
        assertThat(StoryKeysCodec.decode(StoryKeysCodec.encode(keys))).isEqualTo(keys);
        assertThat(StoryKeysCodec.unpack(packed)).isEqualTo(keys);
        assertThat(json.readValue(written, StoryKeys.class)).isEqualTo(keys);
    }

    @Test
    void anUnknownLanguageStaysUnknownAndMalformedValuesAreSkipped() {
        StoryKeys keys = StoryKeysCodec.unpack(List.of("t|1.5|pay", "x", "t|notanumber|cranes", "q|1.0|other"));

        assertThat(keys).isEqualTo(new StoryKeys(Map.of("pay", 1.5), Map.of(), null));
        assertThat(StoryKeysCodec.pack(new StoryKeys(Map.of("line\nbreak", 1.0), Map.of()))).isEmpty();
        assertThat(StoryKeysCodec.decode(StoryKeysCodec.encode(new StoryKeys(Map.of(), Map.of()))))
                .isEqualTo(new StoryKeys(Map.of(), Map.of(), null));
    }
}
