package newsroom.search.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import newsroom.events.EntityType;
import newsroom.search.EntityProfile;
import newsroom.search.InvalidQueryException;
import newsroom.search.service.EntityCatalog;

@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.READER_NAME)
public class EntityResource {

    private final EntityCatalog catalog;

    public EntityResource(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Entity suggestions: words of the name or of a mention start with the prefix (accents and case ignored)")
    public List<EntityProfile.Suggestion> suggest(@QueryParam("prefix") String prefix,
            @Parameter(description = "only this entity type") @QueryParam("type") String type,
            @QueryParam("size") @DefaultValue("10") String size) throws IOException {
        String entityType = null;
        if (type != null && !type.isBlank()) {
            try {
                entityType = EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(List.of("type: '" + type + "' is not one of " + List.of(EntityType.values())));
            }
        }
        int n;
        try {
            n = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(List.of("size: not a number"));
        }
        return catalog.suggest(prefix, entityType, n);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Entity profile: name, type, aliases, article count, first/last seen, timeline, co-occurring entities")
    public EntityProfile profile(@PathParam("id") String id) throws IOException {
        return catalog.profile(id).orElseThrow(() -> new NotFoundException("no article mentions entity " + id));
    }
}
