package newsroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ArticleFilesTest {

    @TempDir
    Path dir;

    private final ArticleFiles files = new ArticleFiles(new ObjectMapper());

    @Test
    void readsEveryKindOfFileRecursivelyAndReportsTheBadOnes() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "\n  Headline here  \n\nFirst paragraph.\n\nSecond.\n");
        Files.writeString(dir.resolve("b.json"), "[{\"title\":\"One\",\"body\":\"x\"},{\"title\":\"Two\",\"body\":\"y\"}]");
        Path sub = Files.createDirectories(dir.resolve("nested/deeper"));
        Files.writeString(sub.resolve("c.ndjson"), "{\"title\":\"Three\",\"body\":\"z\"}\n\n{not json}\n");
        Files.writeString(sub.resolve("d.html"), "<html><head><title>Page title</title></head><body><p>Hi</p></body></html>");
        Files.write(dir.resolve("e.txt"), new byte[] {'T', '\n', (byte) 0xC3, (byte) 0x28});
        Files.writeString(dir.resolve("ignored.csv"), "a,b");

        ArticleFiles.Contents contents = files.read(dir);

        assertThat(contents.submissions()).extracting(s -> s.article().path("title").asText())
                .containsExactly("Headline here", "One", "Two", "Three", "Page title");
        assertThat(contents.submissions().get(0).article().path("body").asText()).isEqualTo("First paragraph.\n\nSecond.");
        assertThat(contents.submissions().get(4).article().path("body").asText()).contains("<p>Hi</p>");
        assertThat(contents.problems()).extracting(ArticleFiles.Problem::reason)
                .satisfiesExactly(r -> assertThat(r).isEqualTo("not valid UTF-8"),
                        r -> assertThat(r).startsWith("malformed JSON: "));
        assertThat(contents.problems().get(1).where()).endsWith("c.ndjson:3");
    }

    @Test
    void theShippedSamplesAllRead() throws IOException {
        Path samples = Path.of(System.getProperty("newsroom.root", "..")).resolve("samples/articles");

        ArticleFiles.Contents contents = files.read(samples);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.submissions()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(s -> assertThat(s.article().path("body").asText()).isNotBlank());
    }

    @Test
    void decodesUtf8AndRejectsInvalidBytes() throws IOException {
        assertThat(ArticleFiles.decodeUtf8("García".getBytes(StandardCharsets.UTF_8))).isEqualTo("García");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArticleFiles.decodeUtf8(new byte[] {(byte) 0xFF}))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
