package newsroom.search.alert.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
}
