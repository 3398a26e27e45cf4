package newsroom.support.access.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import newsroom.support.access.Role;
import newsroom.support.access.service.AuditTrail;

/**
 * The audit log, for admins, newest first: every knowledge-base, key, subscription and feed-token change, whichever
 * service made it. Filters: actor, kind, action, target, and a time range ({@code from} inclusive, {@code to}
 * exclusive, ISO-8601 instants).
 */
@Path("/api/audit")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditTrail.Entry> find(@QueryParam("actor") String actor, @QueryParam("kind") String kind,
            @QueryParam("action") String action, @QueryParam("target") String target,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.find(new AuditTrail.Query(actor, kind, action, target, from, to, limit));
    }
}
