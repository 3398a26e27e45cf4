package newsroom.ingest.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import newsroom.ingest.InvalidArticleException;
import newsroom.ingest.service.IngestMetrics;

/** Every error as {@code {"error", "details"}}: bad input is a 4xx naming the field, never a 5xx. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final IngestMetrics metrics;

    public ErrorMappers(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        return refusal(e.tooLarge() ? 413 : 400, new ErrorBody(e.getMessage(), e.details()));
    }

    /**
     * An input refused before its body was read to the end: close the connection after the answer, or the unread
     * rest of the body would be taken as the start of the next request on a kept-alive connection.
     */
    static Response refusal(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close").entity(body).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        metrics.rejected();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                || e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            // a string, number or nesting beyond what the parser accepts: the request is too large, not malformed
            return refusal(413, ErrorBody.of("request too large", "request: " + firstLine(e.getOriginalMessage())));
        }
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? fieldPath(m) : null;
        String problem = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        if (e.getLocation() != null) {
            problem += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        String error = e instanceof JsonMappingException ? "wrong type or shape" : "malformed JSON";
        return refusal(400, ErrorBody.of(error, (where == null ? "request: " : where + ": ") + firstLine(problem)));
    }

    // The specific Jackson types too: Quarkus REST has built-in mappers for them that answer in another shape.
    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response undecodable(java.io.CharConversionException e) {
        metrics.rejected();
        return json(400, ErrorBody.of("undecodable request", "request: not valid UTF-8 (" + e.getMessage() + ")"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        metrics.rejected();
        List<String> details = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().collect(Collectors.toList());
        return json(400, new ErrorBody("invalid request", details));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return json(status, ErrorBody.of("internal error", "see the service log"));
        }
        if (status == 400 || status == 413 || status == 415) {
            metrics.rejected();
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase();
        String detail = e.getMessage() == null ? reason : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return json(status, ErrorBody.of(reason, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        LOG.error("request failed", e);
        return json(500, ErrorBody.of("internal error", "see the service log"));
    }

    static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static String fieldPath(JsonMappingException m) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
