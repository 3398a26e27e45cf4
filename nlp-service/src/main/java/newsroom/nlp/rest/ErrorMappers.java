package newsroom.nlp.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.ErrorResponses;

/**
 * The errors only this service raises, as {@code {"error", "details"}}: knowledge-base conflicts (409), unknown
 * entities (404) and arguments the knowledge base refuses (400). Every other error is answered by the shared
 * mappers of {@code newsroom.support.rest}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response conflict(newsroom.nlp.repository.EntityConflictException e) {
        return ErrorResponses.json(409, ErrorBody.of("conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(newsroom.nlp.repository.EntityNotFoundException e) {
        return ErrorResponses.json(404, ErrorBody.of("not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return ErrorResponses.json(400, ErrorBody.of("invalid request", e.getMessage()));
    }
}
