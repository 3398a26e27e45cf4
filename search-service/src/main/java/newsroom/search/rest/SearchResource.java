package newsroom.search.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.IOException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.SearchResult;
import newsroom.search.service.ArticleSearch;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.READER_NAME)
public class SearchResource {

    private final ArticleSearch search;

    public SearchResource(ArticleSearch search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search articles by text and entities, with highlights, facets and cursor paging")
    @APIResponse(responseCode = "200", description = "hits, total, facets and the cursor of the next page")
    @APIResponse(responseCode = "400", description = "invalid parameters: {error, details}")
    public SearchResult search(
            @Parameter(description = "text, simple query string syntax (\"phrase\", -not, a | b, prefix*); accents and case are ignored")
            @QueryParam("q") String q,
            @Parameter(description = "canonical entity id; repeat for AND") @QueryParam("entity") List<String> entity,
            @Parameter(description = "entity type the article must mention (PERSON, ORGANIZATION, ...); repeat for OR")
            @QueryParam("type") List<String> type,
            @Parameter(description = "source; repeat for OR") @QueryParam("source") List<String> source,
            @Parameter(description = "from this date (2025-03-15) or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "to this date, inclusive, or instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date (default without)") @QueryParam("sort") String sort,
            @Parameter(description = "hits per page, 0-100, default 20") @QueryParam("size") String size,
            @Parameter(description = "the nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "compute facets (default true)") @QueryParam("facets") String facets,
            @Parameter(description = "story: one hit per story (no cursor paging)") @QueryParam("collapse") String collapse)
            throws IOException {
        ArticleQuery query = ArticleQuery.parse(q, entity, type, source, from, to, sort, size, facets);
        if (collapse != null && !collapse.isBlank() && !"story".equals(collapse.strip())) {
            throw new InvalidQueryException(List.of("collapse: must be story"));
        }
        return search.search(query, cursor, collapse != null && !collapse.isBlank());
    }
}
