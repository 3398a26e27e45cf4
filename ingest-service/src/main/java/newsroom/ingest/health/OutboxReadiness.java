package newsroom.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import newsroom.ingest.messaging.OutboxRelay;
import newsroom.support.messaging.OutboxRelay.OutboxState;

/**
 * The outbox in the readiness data: rows waiting, rows parked and the newest parked row's reason.
 *
 * <p>Parked rows keep the check UP on purpose. A parked row is one record the broker refuses (too large, invalid)
 * or one that failed too often; the instance can still take articles and publish every other row, and taking it out
 * of the load balancer would refuse good articles without freeing the parked one. Parked rows call for an operator
 * (the {@code newsroom_outbox_parked} gauge is what to alert on), not for a restart. DOWN only when the outbox cannot
 * be read at all (the database check says the same).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay");
        try {
            OutboxState state = relay.relay().state();
            response.up().withData("pending", state.pending()).withData("parked", state.parked());
            if (state.newestParkedReason() != null) {
                response.withData("newestParkedReason", state.newestParkedReason());
            }
        } catch (RuntimeException e) {
            response.down().withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
