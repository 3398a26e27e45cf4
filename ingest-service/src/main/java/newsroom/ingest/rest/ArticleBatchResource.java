package newsroom.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

import newsroom.ingest.BatchItem;
import newsroom.ingest.BatchResult;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.service.ArticleIntake;

@Path("/api/articles/batch")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.INGESTER_NAME)
public class ArticleBatchResource {
    static final String NDJSON = "application/x-ndjson";

    private final ArticleIntake intake;
    private final BatchRequestReader reader;
    private final IngestConfig config;

    private final RequestSizeGuard sizeGuard;

    public ArticleBatchResource(ArticleIntake intake, BatchRequestReader reader, IngestConfig config,
            RequestSizeGuard sizeGuard) {
        this.intake = intake;
        this.reader = reader;
        this.config = config;
        this.sizeGuard = sizeGuard;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, "application/ndjson", "application/jsonl"})
    @Operation(summary = "Submit many articles", description = "A JSON array, or NDJSON (one article per line). "
            + "One result per element, by index: accepted, duplicate (+ duplicateOf) or rejected (+ reasons).")
    public BatchResult submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        int max = config.limits().maxBatchItems();
        InputStream limited = new LimitedInputStream(body, sizeGuard.batchLimit());
        boolean json = contentType == null || contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON);
        List<BatchItem> items = json ? reader.readJsonArray(limited, max) : reader.readNdjson(limited, max);
        return BatchResult.of(intake.submitAll(items, null));
    }
}
