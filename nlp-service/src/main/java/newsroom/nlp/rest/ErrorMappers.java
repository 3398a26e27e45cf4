package newsroom.nlp.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every client error as a 4xx with {@code {"error", "details"}}; bad input never becomes a 5xx. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<String> details = e.getConstraintViolations().stream().map(ErrorMappers::describe).sorted().toList();
        return json(400, new ErrorResponse("invalid request", details));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        return json(400, ErrorResponse.of("malformed JSON", message));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return null; // not a client error: let the default handling log it
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, ErrorResponse.of(reason == null ? "request failed" : reason.toLowerCase(),
                e.getMessage() == null ? reason : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(newsroom.nlp.repository.EntityConflictException e) {
        return json(409, ErrorResponse.of("conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(newsroom.nlp.repository.EntityNotFoundException e) {
        return json(404, ErrorResponse.of("not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return json(400, ErrorResponse.of("invalid request", e.getMessage()));
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
