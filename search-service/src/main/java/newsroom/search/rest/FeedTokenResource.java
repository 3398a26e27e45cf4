package newsroom.search.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import newsroom.search.alert.service.Caller;
import newsroom.search.service.FeedTokens;
import newsroom.support.access.Role;

/** Tokens that let a feed reader, which cannot send headers, read one Atom feed. */
@Path("/api/feed-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.READER_NAME)
public class FeedTokenResource {

    /**
     * @param feed {@code /feeds/alerts/{id}.atom} (a subscription the caller may see), {@code /feeds/stories/{id}.atom}
     *        or {@code /feeds/search.atom?…}
     */
    public record NewFeedToken(@NotBlank @Size(max = 2000) String feed) {
    }

    private final FeedTokens tokens;
    private final SecurityIdentity identity;

    public FeedTokenResource(FeedTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A token for one feed; the answer's url is the feed URL carrying it (shown once)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "404", description = "no subscription the caller may see has that id")
    public Response create(@Valid @NotNull NewFeedToken request, @Context UriInfo uri) {
        FeedTokens.Created created = tokens.create(request.feed(), Caller.of(identity), uri.getBaseUri());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Operation(summary = "The caller's feed tokens (an admin's: all), without the tokens themselves")
    public List<FeedTokens.View> list() {
        return tokens.list(Caller.of(identity));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a feed token: its feed URL answers 401 from then on")
    public Response revoke(@PathParam("id") String id) {
        if (!tokens.revoke(id, Caller.of(identity))) {
            throw new NotFoundException("no feed token " + id);
        }
        return Response.noContent().build();
    }
}
