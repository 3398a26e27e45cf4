package newsroom.search.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.service.FeedTokens;
import newsroom.support.access.Role;

/**
 * A feed token's identity: its owner's name, the reader role only (whatever the owner's role), and the one feed it
 * opens as {@link FeedScope#ATTRIBUTE}. Unknown, revoked, or made for another feed: 401.
 */
@ApplicationScoped
public class FeedTokenIdentityProvider implements IdentityProvider<FeedTokenRequest> {
    private final FeedTokens tokens;

    public FeedTokenIdentityProvider(FeedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<FeedTokenRequest> getRequestType() {
        return FeedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(FeedTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.token(), request.feed())
                .map(owner -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(owner)).addRoles(Role.READER.grants())
                        .addAttribute(FeedScope.ATTRIBUTE, request.feed()).build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked feed token, or not for this feed")));
    }
}
