package newsroom.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeLinksTest {

    @Test
    void onlyHttpAndHttpsLinksAreRendered() {
        assertThat(SafeLinks.isWeb("https://news.example/a")).isTrue();
        assertThat(SafeLinks.isWeb("HTTP://news.example/a")).isTrue();
        assertThat(SafeLinks.isWeb("javascript:alert(1)")).isFalse();
        assertThat(SafeLinks.isWeb(" JavaScript:alert(1)")).isFalse();
        assertThat(SafeLinks.isWeb("data:text/html,<script>x</script>")).isFalse();
        assertThat(SafeLinks.isWeb("/relative/path")).isFalse();
        assertThat(SafeLinks.isWeb("not a url")).isFalse();
        assertThat(SafeLinks.isWeb(null)).isFalse();
    }
}
