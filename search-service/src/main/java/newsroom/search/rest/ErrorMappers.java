package newsroom.search.rest;

import java.io.IOException;
import java.util.List;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.search.InvalidQueryException;

/** Client errors are 4xx with {@code {"error", "details"}}; an unavailable Elasticsearch is a JSON 503. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return json(400, new ErrorResponse("invalid search parameters", e.details()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<String> details = e.getConstraintViolations().stream().map(ErrorMappers::describe).sorted().toList();
        return json(400, new ErrorResponse("invalid request", details));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return null;
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, ErrorResponse.of(reason == null ? "request failed" : reason.toLowerCase(),
                e.getMessage() == null ? reason : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response elasticsearchUnavailable(IOException e) {
        LOG.warn("Elasticsearch unavailable: " + e);
        return json(503, ErrorResponse.of("search index unavailable", "Elasticsearch did not answer; try again"));
    }

    @ServerExceptionMapper
    public Response breakerOpen(CircuitBreakerOpenException e) {
        return json(503, ErrorResponse.of("search index unavailable", "Elasticsearch is failing; try again shortly"));
    }

    @ServerExceptionMapper
    public Response elasticsearchError(ElasticsearchException e) {
        LOG.warn("Elasticsearch refused a request: " + e.getMessage());
        if (e.status() == 404 && e.error() != null && "index_not_found_exception".equals(e.error().type())) {
            return json(503, ErrorResponse.of("search index unavailable", "the article index does not exist yet"));
        }
        return json(503, ErrorResponse.of("search index unavailable", e.getMessage()));
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field + ": " + v.getMessage();
    }

    static Response json(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
