package newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(CanonicalUrl.of("HTTPS://News.Example.COM/World/Story-One"))
                .isEqualTo("https://news.example.com/World/Story-One");
    }

    @Test
    void dropsFragmentTrackingParametersTrailingSlashAndDefaultPort() {
        assertThat(CanonicalUrl.of("https://news.example.com:443/world/story/?utm_source=x&id=7&UTM_Medium=y&fbclid=abc#comments"))
                .isEqualTo("https://news.example.com/world/story?id=7");
        assertThat(CanonicalUrl.of("http://news.example.com:80/")).isEqualTo("http://news.example.com");
        assertThat(CanonicalUrl.of("http://news.example.com:8080/a")).isEqualTo("http://news.example.com:8080/a");
    }

    @Test
    void variantsOfOneArticleShareTheCanonicalForm() {
        String a = CanonicalUrl.of("https://example.org/2026/11/court-ruling/");
        String b = CanonicalUrl.of("https://EXAMPLE.org/2026/11/court-ruling?utm_campaign=newsletter#top");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void blankIsNoUrl() {
        assertThat(CanonicalUrl.of(null)).isNull();
        assertThat(CanonicalUrl.of("  ")).isNull();
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> CanonicalUrl.of("ftp://example.org/file")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalUrl.of("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalUrl.of("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalUrl.of("http://exa mple.org/")).isInstanceOf(IllegalArgumentException.class);
    }
}
