package newsroom.search.alert.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.search.alert.InvalidAlertException;
import newsroom.support.rest.ErrorBody;

public class AlertErrorMappers {

    @ServerExceptionMapper
    public Response invalidAlert(InvalidAlertException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid alert", e.details())).build();
    }

    @ServerExceptionMapper
    public Response streamFull(StreamFullException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .entity(ErrorBody.of("too many stream clients", e.getMessage())).build();
    }

    /** This instance already serves as many server-sent-event clients as it may. */
    public static class StreamFullException extends RuntimeException {
        private final long retryAfterSeconds;

        public StreamFullException(int max, long retryAfterSeconds) {
            super("this instance serves at most " + max + " alert streams at once; try again later");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
