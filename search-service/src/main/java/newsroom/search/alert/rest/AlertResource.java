package newsroom.search.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.events.AlertMatch;
import newsroom.search.alert.AlertDefinition;
import newsroom.search.alert.AlertView;
import newsroom.search.alert.MatchView;
import newsroom.search.alert.config.AlertConfig;
import newsroom.search.alert.messaging.AlertStreamRelay;
import newsroom.search.alert.rest.AlertErrorMappers.StreamFullException;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.service.AlertSubscriptions;
import newsroom.search.alert.service.Caller;
import newsroom.search.alert.service.SubscriptionOwners;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class AlertResource {
    static final int MAX_MATCHES = 500;

    private final AlertSubscriptions subscriptions;
    private final AlertMatchStore matches;
    private final AlertStreamRelay relay;
    private final AlertConfig config;
    private final SubscriptionOwners owners;
    private final SecurityIdentity identity;

    public AlertResource(AlertSubscriptions subscriptions, AlertMatchStore matches, AlertStreamRelay relay,
            AlertConfig config, SubscriptionOwners owners, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.matches = matches;
        this.relay = relay;
        this.config = config;
        this.owners = owners;
        this.identity = identity;
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    @GET
    @Blocking
    @Operation(summary = "The caller's subscriptions (an admin's: all), each with failingSince/lastError when "
            + "Elasticsearch rejects its search; a webhook address is shown to its owner only")
    public List<AlertView> list() {
        return subscriptions.list(caller());
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a subscription: the /api/search parameters, an active flag, an optional webhook")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid definition: {error, details} naming the field")
    public Response create(@Valid @NotNull AlertDefinition definition) {
        AlertView created = subscriptions.create(definition, caller());
        return Response.status(201).header("Location", "/api/alerts/" + created.id()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Blocking
    @Operation(summary = "One of the caller's subscriptions (an admin: any); 404 for anyone else's")
    public AlertView get(@PathParam("id") String id) {
        return subscriptions.find(id, caller()).orElseThrow(() -> new NotFoundException("no alert " + id));
    }

    @PUT
    @Path("/{id}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a subscription's definition (its matches so far stay)")
    public AlertView replace(@PathParam("id") String id, @Valid @NotNull AlertDefinition definition) {
        return subscriptions.replace(id, definition, caller()).orElseThrow(() -> new NotFoundException("no alert " + id));
    }

    @DELETE
    @Path("/{id}")
    @Blocking
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id, caller())) {
            throw new NotFoundException("no alert " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/matches")
    @Blocking
    @Operation(summary = "The newest matches of a subscription with the state and attempts of each delivery")
    public List<MatchView> matches(@PathParam("id") String id, @QueryParam("limit") Integer limit) {
        get(id);
        int n = limit == null ? 100 : Math.max(1, Math.min(MAX_MATCHES, limit));
        return matches.matchesWithDeliveries(id, n);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "New matches of the caller's subscriptions (an admin: all) as server-sent events, live; "
            + "?subscription= keeps one subscription's")
    @APIResponse(responseCode = "503", description = "this instance serves as many streams as it may; see Retry-After")
    @Blocking
    public Multi<AlertMatch> stream(@QueryParam("subscription") String subscription) {
        Caller caller = caller();
        boolean one = subscription != null && !subscription.isBlank();
        if (one) {
            get(subscription); // 404 unless the caller may see it
        }
        Multi<AlertMatch> all = relay.connect();
        if (all == null) {
            throw new StreamFullException(config.streamMaxClients(),
                    Math.max(1, config.streamRetryAfter().toSeconds()));
        }
        if (one) {
            return all.filter(m -> subscription.equals(m.subscriptionId()));
        }
        // the owner lookup may query PostgreSQL (once per subscription): off the relay's thread
        return caller.admin() ? all
                : all.emitOn(Infrastructure.getDefaultWorkerPool())
                        .filter(m -> owners.visibleTo(m.subscriptionId(), caller));
    }
}
