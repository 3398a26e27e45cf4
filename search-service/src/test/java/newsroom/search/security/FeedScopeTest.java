package newsroom.search.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedScopeTest {

    @Test
    void theSameFeedHasOneNameWhateverTheOrderEncodingOrToken() {
        String a = FeedScope.of("/feeds/search.atom", "q=harbour%20board&source=desk&entity=person%3Ax");
        assertThat(FeedScope.of("/feeds/search.atom", "entity=person:x&token=nft_abc&q=harbour+board&source=desk"))
                .isEqualTo(a);
        assertThat(a).isEqualTo("/feeds/search.atom?entity=person%3Ax&q=harbour%20board&source=desk");
    }

    @Test
    void anotherQueryIsAnotherFeed() {
        assertThat(FeedScope.of("/feeds/search.atom", "q=harbour")).isNotEqualTo(FeedScope.of("/feeds/search.atom",
                "q=harbour&source=desk"));
        assertThat(FeedScope.of("/feeds/search.atom", null)).isEqualTo("/feeds/search.atom");
        assertThat(FeedScope.of("/feeds/search.atom", "token=nft_x&q=")).isEqualTo("/feeds/search.atom");
    }
}
