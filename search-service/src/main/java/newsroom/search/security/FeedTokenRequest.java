package newsroom.search.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A feed token presented for a feed, named in its {@link FeedScope} form. */
public class FeedTokenRequest extends BaseAuthenticationRequest {
    private final String token;
    private final String feed;

    public FeedTokenRequest(String token, String feed) {
        this.token = token;
        this.feed = feed;
    }

    public String token() {
        return token;
    }

    public String feed() {
        return feed;
    }
}
