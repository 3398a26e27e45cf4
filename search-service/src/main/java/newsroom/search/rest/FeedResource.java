package newsroom.search.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.SearchResult;
import newsroom.search.security.FeedScope;
import newsroom.search.service.ArticleSearch;
import newsroom.search.service.AtomFeedWriter;
import newsroom.search.service.PageCursor;
import newsroom.search.story.service.StoryCatalog;

@Path("/feeds")
@Blocking
@RolesAllowed(Role.READER_NAME)
public class FeedResource {
    static final String ATOM_TYPE = "application/atom+xml;charset=UTF-8";
    static final String FEED_SIZE = "50";

    private final ArticleSearch search;
    private final StoryCatalog stories;

    public FeedResource(ArticleSearch search, StoryCatalog stories) {
        this.search = search;
        this.stories = stories;
    }

    @GET
    @Path("/search.atom")
    @Produces(ATOM_TYPE)
    @Operation(summary = "The newest articles matching a search (same parameters as /api/search) as an Atom 1.0 feed")
    public String searchFeed(@QueryParam("q") String q, @QueryParam("entity") List<String> entity,
            @QueryParam("type") List<String> type, @QueryParam("source") List<String> source,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uri) throws IOException {
        ArticleQuery query = ArticleQuery.parse(q, entity, type, source, from, to, "date", FEED_SIZE, "false");
        SearchResult result = search.search(query, null);
        String self = uri.getRequestUri().toString();
        // the page link never carries a feed token (the page asks for a key instead)
        String pageQuery = FeedScope.of("", uri.getRequestUri().getRawQuery());
        String page = uri.getBaseUriBuilder().path("/").replaceQuery(pageQuery.isEmpty() ? null : pageQuery.substring(1))
                .build().toString();
        return AtomFeedWriter.write("urn:newsroom:search:" + PageCursor.fingerprint(query), title(query), self, page,
                result.hits());
    }

    @GET
    @Path("/stories/{id}.atom")
    @Produces(ATOM_TYPE)
    @Operation(summary = "A story's newest articles (asked for a merged story: the survivor's) as an Atom 1.0 feed")
    @APIResponse(responseCode = "404", description = "no such story")
    public String storyFeed(@PathParam("id") String id, @Context UriInfo uri) throws IOException {
        if (id.length() > 300) {
            throw new InvalidQueryException(List.of("id: at most 300 characters"));
        }
        StoryCatalog.Latest story = stories.latest(id, Integer.parseInt(FEED_SIZE));
        String page = uri.getBaseUriBuilder().path("/").queryParam("story", story.id()).build().toString();
        String title = "Newsroom story: " + (story.headline() == null ? story.id() : story.headline()) + " ("
                + story.size() + (story.size() == 1 ? " article)" : " articles)");
        return AtomFeedWriter.write("urn:newsroom:story:" + story.id(), title, uri.getRequestUri().toString(), page,
                story.articles());
    }

    static String title(ArticleQuery query) {
        List<String> parts = new ArrayList<>();
        if (query.hasText()) {
            parts.add("\"" + query.text() + "\"");
        }
        query.entities().forEach(e -> parts.add("entity " + e));
        query.types().forEach(t -> parts.add("type " + t));
        query.sources().forEach(s -> parts.add("source " + s));
        return "Newsroom search" + (parts.isEmpty() ? ": all articles" : ": " + String.join(", ", parts));
    }
}
