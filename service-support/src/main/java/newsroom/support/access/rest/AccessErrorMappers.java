package newsroom.support.access.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.RejectedRequests;

/** 401 and 403 in the services' JSON error body (Quarkus answers them with an empty body otherwise). */
public class AccessErrorMappers {
    static final String CHALLENGE = "Bearer realm=\"newsroom\"";

    private final RejectedRequests rejected;

    public AccessErrorMappers(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("no credentials: send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key'");
    }

    @ServerExceptionMapper(priority = 1)
    public Response failed(AuthenticationFailedException e) {
        return unauthenticated(e.getMessage() == null || e.getMessage().isBlank() ? "credentials not accepted"
                : e.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        rejected.count("forbidden");
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of("forbidden", "this key's role may not do this")).build();
    }

    private Response unauthenticated(String detail) {
        rejected.count("unauthenticated");
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).header("WWW-Authenticate", CHALLENGE)
                .entity(ErrorBody.of("unauthenticated", detail)).build();
    }
}
