package newsroom.search.rest;

import java.io.IOException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.ws.rs.core.Response;
import newsroom.search.InvalidQueryException;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.ErrorResponses;

/**
 * The errors only this service raises: invalid search parameters (400) and an unavailable Elasticsearch (a JSON 503).
 * Every other error is answered by the shared mappers of {@code newsroom.support.rest}.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return ErrorResponses.json(400, new ErrorBody("invalid search parameters", e.details()));
    }

    /** The Elasticsearch client's I/O failures; the shared mappers answer the more specific ones (JSON, charset). */
    @ServerExceptionMapper
    public Response elasticsearchUnavailable(IOException e) {
        LOG.warn("Elasticsearch unavailable: " + e);
        return ErrorResponses.json(503, ErrorBody.of("search index unavailable", "Elasticsearch did not answer; try again"));
    }

    @ServerExceptionMapper
    public Response breakerOpen(CircuitBreakerOpenException e) {
        return ErrorResponses.json(503, ErrorBody.of("search index unavailable", "Elasticsearch is failing; try again shortly"));
    }

    @ServerExceptionMapper
    public Response elasticsearchError(ElasticsearchException e) {
        LOG.warn("Elasticsearch refused a request: " + e.getMessage());
        if (e.status() == 404 && e.error() != null && "index_not_found_exception".equals(e.error().type())) {
            return ErrorResponses.json(503, ErrorBody.of("search index unavailable", "the article index does not exist yet"));
        }
        return ErrorResponses.json(503, ErrorBody.of("search index unavailable", e.getMessage()));
    }
}
