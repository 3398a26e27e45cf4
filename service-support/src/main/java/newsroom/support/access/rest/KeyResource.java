package newsroom.support.access.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.support.access.Role;
import newsroom.support.access.security.Callers;
import newsroom.support.access.service.ApiKeys;

/** API keys, for admins: made (the key is in the answer, once), listed, revoked. Served by every service. */
@Path("/api/keys")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    public record NewKey(@NotBlank @Pattern(regexp = "(?i)reader|ingester|curator|admin",
            message = "must be one of reader, ingester, curator, admin") String role,
            @Size(max = 100) String name) {
    }

    private final ApiKeys keys;
    private final SecurityIdentity caller;

    public KeyResource(ApiKeys keys, SecurityIdentity caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @jakarta.validation.constraints.NotNull NewKey request) {
        ApiKeys.CreatedKey created = keys.create(Role.of(request.role()), request.name(), Callers.name(caller));
        return Response.created(URI.create("/api/keys/" + created.view().id())).entity(created).build();
    }

    @GET
    public List<ApiKeys.KeyView> list(@QueryParam("revoked") boolean includeRevoked) {
        return keys.list(includeRevoked);
    }

    @DELETE
    @Path("/{id}")
    public ApiKeys.KeyView revoke(@PathParam("id") UUID id) {
        return keys.revoke(id, Callers.name(caller))
                .orElseThrow(() -> new NotFoundException("no API key " + id));
    }
}
