package newsroom.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.Role;

/**
 * The exception mappers of service-support (a library jar) answer this service's errors: each kind of error is
 * provoked here and must come back as {@code {"error", "details"}} with the right status, 5xx included.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class SharedErrorMappersIT {

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"body\": \"unterminated").post("/api/extract").then()
                .statusCode(400).contentType(ContentType.JSON).body("error", equalTo("malformed JSON"))
                .body("details[0]", startsWith("body: ")); // names the field where the input broke off
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"body\": {\"text\": \"x\"}}").post("/api/extract")
                .then().statusCode(400).body("error", equalTo("wrong type or shape")).body("details[0]", startsWith("body: "));
    }

    @Test
    void aConstraintViolationNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"type\": \"PERSON\", \"name\": \" \"}").post("/api/entities")
                .then().statusCode(400).body("error", equalTo("invalid request"))
                .body("details", hasItem(startsWith("name: ")));
    }

    @Test
    void nestingBeyondTheParserLimitIsA413() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        given().contentType(ContentType.JSON).body("{\"ignored\": " + deep + ", \"body\": \"text\"}").post("/api/extract")
                .then().statusCode(413).body("error", equalTo("request too large"))
                .body("details[0]", startsWith("request: "));
    }

    @Test
    void httpErrorsOfTheFrameworkAreJsonToo() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("not found"));
        given().contentType(ContentType.TEXT).body("plain text").post("/api/extract").then().statusCode(415)
                .contentType(ContentType.JSON).body("error", equalTo("unsupported media type"));
    }

    @Test
    void theServiceOwnErrorsKeepTheirStatus() {
        given().get("/api/entities/person:nobody-at-all-" + System.nanoTime()).then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("not found"));
    }

    @Test
    void anUnexpectedFailureIsAJson500WithoutItsMessage() {
        given().get("/test/failing").then().statusCode(500).contentType(ContentType.JSON)
                .body("error", equalTo("internal error")).body("details", contains("see the service log"));
    }

    /**
     * Part of the application only in tests: a bug, to see what a caller gets. Any key may call it; it stays out of
     * the OpenAPI document, which describes the service (RoleMatrixIT walks it).
     */
    @Path("/test/failing")
    @RolesAllowed(Role.READER_NAME)
    public static class FailingResource {
        @GET
        @Operation(hidden = true)
        public String fail() {
            throw new IllegalStateException("a bug with a secret in its message");
        }
    }
}
