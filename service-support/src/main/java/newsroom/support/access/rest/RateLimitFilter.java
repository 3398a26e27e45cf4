package newsroom.support.access.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import newsroom.support.access.config.AccessConfig;
import newsroom.support.access.security.ApiKeyIdentityProvider;
import newsroom.support.access.service.RateLimiter;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.RejectedRequests;

/**
 * Per-key request rate limit on the API (where {@code newsroom.access.rate-limit.enabled}): past it, 429 with
 * {@code Retry-After}, so one runaway client cannot starve the others. Anonymous calls are not counted here: they
 * are refused with 401 anyway.
 */
public class RateLimitFilter {
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;
    private final RejectedRequests rejected;
    private final boolean enabled;

    public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identity, RejectedRequests rejected,
            AccessConfig config) {
        this.limiter = limiter;
        this.identity = identity;
        this.rejected = rejected;
        this.enabled = config.rateLimit().enabled();
    }

    @ServerRequestFilter
    public Uni<Response> limit() {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().onFailure().recoverWithNull().map(this::check);
    }

    private Response check(SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            return null; // no or bad credentials: the role check answers 401
        }
        String keyId = caller.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        long wait = limiter.acquire(keyId != null ? "key:" + keyId : "user:" + caller.getPrincipal().getName());
        if (wait == 0) {
            return null;
        }
        rejected.count("rate-limited");
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", wait)
                .entity(ErrorBody.of("too many requests", "this key's rate limit is reached; retry after " + wait
                        + " s")).build();
    }
}
