package newsroom.search.story.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.story.StoryDetail;
import newsroom.search.story.StoryList;
import newsroom.search.story.service.StoryCatalog;
import newsroom.support.access.Role;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Role.READER_NAME)
public class StoryResource {
    static final int MAX_STORIES = 100;
    static final int MAX_HOURS = 24 * 30;
    static final int MAX_ARTICLES = 500;

    private final StoryCatalog catalog;

    public StoryResource(StoryCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Stories with an article matching the filters (as in /api/search), by size, recency or growth")
    @APIResponse(responseCode = "200", description = "stories with their size, matching and recent articles, outlets, first and last seen")
    @APIResponse(responseCode = "400", description = "invalid parameters: {error, details}")
    public StoryList list(
            @Parameter(description = "text, as in /api/search") @QueryParam("q") String q,
            @Parameter(description = "canonical entity id; repeat for AND") @QueryParam("entity") List<String> entity,
            @Parameter(description = "entity type; repeat for OR") @QueryParam("type") List<String> type,
            @Parameter(description = "source; repeat for OR") @QueryParam("source") List<String> source,
            @Parameter(description = "from this date or instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "to this date, inclusive, or instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "size (default: most matching articles), recent (newest article) or growth "
                    + "(most articles in the last `hours`)") @QueryParam("sort") String sort,
            @Parameter(description = "the growth window in hours, 1-720, default 24") @QueryParam("hours") String hours,
            @Parameter(description = "stories, 1-100, default 20") @QueryParam("size") String size)
            throws IOException {
        List<String> errors = new ArrayList<>();
        StoryCatalog.Sort order = StoryCatalog.Sort.SIZE;
        if (sort != null && !sort.isBlank()) {
            try {
                order = StoryCatalog.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("sort: must be size, recent or growth");
            }
        }
        int window = number("hours", hours, 24, 1, MAX_HOURS, errors);
        int stories = number("size", size, 20, 1, MAX_STORIES, errors);
        ArticleQuery filter;
        try {
            filter = ArticleQuery.parse(q, entity, type, source, from, to, null, "0", "false");
        } catch (InvalidQueryException e) {
            errors.addAll(e.details());
            throw new InvalidQueryException(errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return catalog.list(filter, order, window, stories);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story: its articles (oldest first), outlets, first and last seen, timeline, top entities "
            + "and the entities later articles added")
    @APIResponse(responseCode = "200", description = "the story (asked for a merged story: the one it was merged into)")
    @APIResponse(responseCode = "404", description = "no such story")
    public StoryDetail get(@PathParam("id") String id,
            @Parameter(description = "articles listed, 1-500, default 100") @QueryParam("limit") String limit)
            throws IOException {
        List<String> errors = new ArrayList<>();
        int articles = number("limit", limit, 100, 1, MAX_ARTICLES, errors);
        if (id.length() > 300) {
            errors.add("id: at most 300 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return catalog.detail(id, articles);
    }

    static int number(String name, String raw, int fallback, int min, int max, List<String> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + ": must be a number from " + min + " to " + max);
        return fallback;
    }
}
