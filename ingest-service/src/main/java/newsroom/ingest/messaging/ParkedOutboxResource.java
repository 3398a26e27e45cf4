package newsroom.ingest.messaging;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import newsroom.support.messaging.OutboxRelay.OutboxState;

/**
 * For an operator: how many outbox rows are parked and why, and putting them back in line once the cause is fixed
 * (e.g. the broker's {@code message.max.bytes} raised). The SQL equivalent of the re-queue is
 * {@code update ingest.outbox set parked_at = null, attempts = 0, next_attempt_at = null where parked_at is not null
 * and sent_at is null}.
 */
@Path("/api/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.ADMIN_NAME)
public class ParkedOutboxResource {
    private final OutboxRelay relay;

    public ParkedOutboxResource(OutboxRelay relay) {
        this.relay = relay;
    }

    @GET
    @Operation(summary = "Outbox rows waiting and parked, with the newest parked row's reason")
    public OutboxState state() {
        return relay.relay().state();
    }

    @POST
    @Path("/requeue")
    @Operation(summary = "Re-queue parked rows (all, or the one with ?id=) with a fresh attempt count")
    public Map<String, Integer> requeue(@QueryParam("id") Long id) {
        return Map.of("requeued", relay.relay().requeueParked(id));
    }
}
