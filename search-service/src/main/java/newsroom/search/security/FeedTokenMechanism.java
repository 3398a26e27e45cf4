package newsroom.search.security;

import java.util.Set;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feed readers cannot send headers: on {@code /feeds/*} a {@code ?token=} names the caller instead, valid for exactly
 * the feed it was made for (a token for another feed fails with 401). Runs after the API-key mechanism, so a request
 * with a key is the key's; a token anywhere else is ignored.
 */
@ApplicationScoped
public class FeedTokenMechanism implements HttpAuthenticationMechanism {
    static final String FEEDS = "/feeds/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        String token = context.request().getParam(FeedScope.TOKEN_PARAM);
        if (path == null || !path.startsWith(FEEDS) || token == null || token.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        FeedTokenRequest request = new FeedTokenRequest(token.strip(), FeedScope.of(path, context.request().query()));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"newsroom\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(FeedTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 400; // after the API-key mechanism (+500), before OIDC's bearer tokens
    }
}
