package newsroom.support.rest;

import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The exception mappers every service shares, so that every error is {@code {"error", "details"}}: bad input is a
 * 4xx naming the field, never a 5xx; anything unexpected is logged and answered with a JSON 500. Quarkus REST finds
 * them in this jar because it is a bean archive. Errors only one service knows (a conflict, an unavailable index)
 * keep their own mappers there, built with {@link ErrorBody} and {@link ErrorResponses}.
 */
public class CommonErrorMappers {
    private static final Logger LOG = Logger.getLogger(CommonErrorMappers.class);
    public static final ErrorBody INTERNAL = ErrorBody.of("internal error", "see the service log");

    private final RejectedRequests rejected;

    public CommonErrorMappers(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        rejected.count("invalid");
        List<String> details = e.getConstraintViolations().stream()
                .map(v -> ErrorResponses.lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
                .toList();
        return ErrorResponses.json(400, new ErrorBody("invalid request", details));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            rejected.count("too-large");
            // a string, number or nesting beyond what the parser accepts: the request is too large, not malformed
            return ErrorResponses.refusal(413,
                    ErrorBody.of("request too large", "request: " + ErrorResponses.firstLine(e.getOriginalMessage())));
        }
        rejected.count("malformed");
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? ErrorResponses.fieldPath(m) : null;
        String problem = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        if (e.getLocation() != null) {
            problem += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        // Jackson reports input cut off inside a value as a mapping problem; it is malformed JSON all the same
        boolean truncated = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
        String error = e instanceof JsonMappingException && !truncated ? "wrong type or shape" : "malformed JSON";
        return ErrorResponses.refusal(400,
                ErrorBody.of(error, (where == null ? "request: " : where + ": ") + ErrorResponses.firstLine(problem)));
    }

    // The specific Jackson types too: Quarkus REST has built-in mappers for them that answer in another shape.
    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response undecodable(CharConversionException e) {
        return undecodableText(e);
    }

    @ServerExceptionMapper
    public Response undecodableCharset(CharacterCodingException e) {
        return undecodableText(e);
    }

    private Response undecodableText(Exception e) {
        rejected.count("undecodable");
        return ErrorResponses.json(400, ErrorBody.of("undecodable request",
                "request: not valid UTF-8" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (e.getResponse() != null && e.getResponse().hasEntity()) {
            return e.getResponse(); // a service built its answer itself
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 500) {
            LOG.error("request failed", e);
            return ErrorResponses.json(500, INTERNAL);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? (status >= 500 ? "server error" : "request failed")
                : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        if (status >= 500) {
            LOG.warn("request failed with " + status + ": " + e.getMessage());
        } else if (status == 400 || status == 413 || status == 415) {
            rejected.count(status == 413 ? "too-large" : status == 415 ? "media-type" : "invalid");
        }
        return ErrorResponses.json(status, ErrorBody.of(reason, e.getMessage() == null ? reason : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        LOG.error("request failed", e);
        return ErrorResponses.json(500, INTERNAL);
    }
}
