package newsroom.nlp.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.events.NlpInfo;
import newsroom.nlp.Extraction;
import newsroom.nlp.config.NlpConfig;
import newsroom.nlp.service.ArticleEnricher;
import newsroom.support.rest.ErrorBody;

/** {@code POST /api/extract}: the entities the pipeline would add to a text, without publishing anything. */
@Path("/api/extract")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.INGESTER_NAME)
public class ExtractResource {

    private final ArticleEnricher enricher;
    private final NlpConfig config;

    public ExtractResource(ArticleEnricher enricher, NlpConfig config) {
        this.enricher = enricher;
        this.config = config;
    }

    @POST
    @Operation(summary = "Extract and link the entities of a text",
            description = "Offsets are into title + \"\\n\\n\" + body, as in EnrichedArticle.")
    public Response extract(@Valid @NotNull(message = "a JSON object {title?, body} is required") ExtractRequest request) {
        int size = request.body().length() + (request.title() == null ? 0 : request.title().length());
        if (size > config.extract().maxChars()) {
            return Response.status(413)
                    .entity(ErrorBody.of("text too large", "at most " + config.extract().maxChars() + " characters"))
                    .build();
        }
        long t0 = System.nanoTime();
        Extraction extraction = enricher.extract(request.title(), request.body());
        long took = (System.nanoTime() - t0) / 1_000_000;
        NlpInfo info = new NlpInfo(enricher.extractor().engine(), enricher.extractor().version(), took);
        return Response.ok(new ExtractResponse(extraction.language(), extraction.entities(), info)).build();
    }
}
