package newsroom.ingest.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import newsroom.ingest.InvalidArticleException;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.ErrorResponses;

/**
 * The one error only this service raises: a refused article (400, or 413 over the size limit), answered with
 * {@code Connection: close} since its body may not have been read to the end. Every other error is answered by the
 * shared mappers of {@code newsroom.support.rest}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        return ErrorResponses.refusal(e.tooLarge() ? 413 : 400, new ErrorBody(e.getMessage(), e.details()));
    }
}
