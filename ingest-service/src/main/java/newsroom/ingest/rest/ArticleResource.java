package newsroom.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.smallrye.common.annotation.Blocking;

import newsroom.ingest.ArticleSubmission;
import newsroom.ingest.ArticleSummary;
import newsroom.ingest.ArticleView;
import newsroom.ingest.IngestOutcome;
import newsroom.ingest.service.ArticleIntake;
import newsroom.ingest.service.ArticleRegistry;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.INGESTER_NAME)
public class ArticleResource {
    private static final int MAX_PAGE = 1000;

    private final ArticleIntake intake;
    private final ArticleRegistry registry;
    private final BatchRequestReader reader;
    private final RequestSizeGuard sizeGuard;

    public ArticleResource(ArticleIntake intake, ArticleRegistry registry, BatchRequestReader reader,
            RequestSizeGuard sizeGuard) {
        this.intake = intake;
        this.registry = registry;
        this.reader = reader;
        this.sizeGuard = sizeGuard;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one article", description = "202 once the article is durable (registry + outbox committed); "
            + "status duplicate with the first id when the canonical URL or the normalized text was seen before.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleSubmission.class)))
    public Response submit(InputStream body) throws IOException {
        // read as a stream and counted while read: a request over the limit is refused (413) before it is held whole
        ArticleSubmission submission = reader.readArticle(new LimitedInputStream(body, sizeGuard.articleLimit()));
        IngestOutcome outcome = intake.submit(submission, null);
        return Response.accepted(outcome).build();
    }

    @RolesAllowed(Role.READER_NAME)
    @GET
    @Path("/{id}")
    @Operation(summary = "The registry record of one article")
    public ArticleView get(@PathParam("id") String id) {
        return registry.find(id).map(ArticleView::of)
                .orElseThrow(() -> new NotFoundException("no article with id " + id));
    }

    @RolesAllowed(Role.READER_NAME)
    @GET
    @Operation(summary = "Articles by time received, oldest first", description = "since: ISO-8601 instant (inclusive); limit: 1..1000")
    public List<ArticleSummary> list(@QueryParam("since") String since, @QueryParam("limit") @DefaultValue("100") int limit) {
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.EPOCH : Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since: must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("limit: must be between 1 and " + MAX_PAGE);
        }
        return registry.receivedSince(from, limit).stream().map(ArticleSummary::of).toList();
    }
}
