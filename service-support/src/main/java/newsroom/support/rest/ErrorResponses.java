package newsroom.support.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Building blocks of error answers, for the shared mappers and for the services' own. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * An input refused before its body was read to the end: close the connection after the answer, or the unread
     * rest of the body would be taken as the start of the next request on a kept-alive connection.
     */
    public static Response refusal(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close").entity(body)
                .build();
    }

    /** The JSON path of the field a Jackson error is about, e.g. {@code items[2].url}; empty when it has none. */
    public static String fieldPath(JsonMappingException m) {
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

    /** The last node of a Bean Validation property path ({@code create.arg0.name} becomes {@code name}). */
    public static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
