package newsroom.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import newsroom.ingest.FeedRegistration;
import newsroom.ingest.FeedView;
import newsroom.ingest.InvalidArticleException;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.FeedRecord;
import newsroom.ingest.service.FeedAddressGuard;
import newsroom.ingest.service.FeedPoller;
import newsroom.support.net.ForbiddenAddressException;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.ErrorResponses;

@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.INGESTER_NAME)
public class FeedResource {
    private final FeedPoller poller;
    private final FeedAddressGuard guard;
    private final Validator validator;
    private final IngestConfig config;

    public FeedResource(FeedPoller poller, FeedAddressGuard guard, Validator validator, IngestConfig config) {
        this.poller = poller;
        this.guard = guard;
        this.validator = validator;
        this.config = config;
    }

    @GET
    @Operation(summary = "Registered feeds with the outcome of their last poll")
    public List<FeedView> list() {
        return QuarkusTransaction.requiringNew().call(() -> FeedRecord.<FeedRecord>listAll().stream()
                .sorted(Comparator.comparing((FeedRecord f) -> f.createdAt)).map(FeedView::of).toList());
    }

    @GET
    @Path("/{id}")
    public FeedView get(@PathParam("id") String id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(FeedRecord.<FeedRecord>findById(id))
                .map(FeedView::of).orElseThrow(() -> new NotFoundException("no feed with id " + id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a feed (RSS 2.0 or Atom 1.0)", description = "201 with the feed; 409 when the URL is registered already")
    public Response register(FeedRegistration registration) {
        if (registration == null) {
            throw InvalidArticleException.invalid(List.of("request: a feed {url, source, pollIntervalSeconds} is required"));
        }
        List<String> details = new ArrayList<>();
        for (ConstraintViolation<FeedRegistration> v : validator.validate(registration)) {
            details.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        if (details.isEmpty()) {
            try {
                guard.check(URI.create(registration.url().strip()));
            } catch (ForbiddenAddressException e) {
                details.add("url: " + e.getMessage());
            }
        }
        if (!details.isEmpty()) {
            details.sort(null);
            throw new InvalidArticleException("invalid feed", details, false);
        }
        String url = registration.url().strip();
        FeedRecord existing = QuarkusTransaction.requiringNew().call(() -> FeedRecord.<FeedRecord>find("url", url).firstResult());
        if (existing != null) {
            return ErrorResponses.json(409, ErrorBody.of("feed already registered", "url: registered as feed " + existing.id));
        }
        FeedRecord feed = new FeedRecord();
        feed.id = UUID.randomUUID().toString();
        feed.url = url;
        feed.source = registration.source() == null || registration.source().isBlank() ? URI.create(url).getHost()
                : registration.source().strip();
        feed.pollIntervalSeconds = registration.pollIntervalSeconds() == null
                ? config.feeds().defaultPollIntervalSeconds() : registration.pollIntervalSeconds();
        feed.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        feed.nextPollAt = feed.createdAt;
        QuarkusTransaction.requiringNew().run(feed::persist);
        return Response.status(201).entity(FeedView.of(feed)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> FeedRecord.deleteById(id));
        if (!deleted) {
            throw new NotFoundException("no feed with id " + id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    @Operation(summary = "Poll a feed now", description = "429 when its host was fetched less than the per-host minimum interval ago")
    public Response pollNow(@PathParam("id") String id) {
        FeedPoller.Result result = poller.poll(id).orElseThrow(() -> new NotFoundException("no feed with id " + id));
        if (result.outcome() == FeedPoller.Outcome.deferred) {
            return ErrorResponses.json(429, ErrorBody.of("too soon", "url: its host was fetched less than "
                    + config.feeds().perHostMinInterval().toSeconds() + " s ago"));
        }
        if (result.feed() == null) {
            throw new NotFoundException("no feed with id " + id);
        }
        return Response.ok(result.feed()).build();
    }
}
