package newsroom.search.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import newsroom.search.EnrichedArticles;
import newsroom.stack.testing.LocalStackTestResource;

/** Subscription CRUD and validation on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AlertApiIT {

    @Test
    void createReadReplaceDelete() {
        String u = EnrichedArticles.unique();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "watch " + u, "q", "harbour strike", "entity", List.of("person:x-" + u),
                        "type", List.of("person"), "source", List.of("wire-" + u)))
                .post("/api/alerts").then().statusCode(201)
                .body("name", equalTo("watch " + u)).body("type", equalTo(List.of("PERSON")))
                .body("active", equalTo(true)).body("webhookSigned", equalTo(false))
                .body("failingSince", nullValue()).body("lastError", nullValue())
                .extract().path("id");
        given().get("/api/alerts").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/alerts/" + id).then().statusCode(200).body("q", equalTo("harbour strike"));

        given().contentType(ContentType.JSON).body(Map.of("name", "renamed " + u, "active", false))
                .put("/api/alerts/" + id).then().statusCode(200)
                .body("name", equalTo("renamed " + u)).body("active", equalTo(false))
                .body("entity", equalTo(List.of()));
        given().get("/api/alerts/" + id + "/matches").then().statusCode(200).body("size()", equalTo(0));

        given().delete("/api/alerts/" + id).then().statusCode(204);
        given().get("/api/alerts/" + id).then().statusCode(404).body("error", equalTo("not found"));
        given().delete("/api/alerts/" + id).then().statusCode(404);
    }

    @Test
    void invalidDefinitionsAre400sNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("q", "x")).post("/api/alerts").then().statusCode(400)
                .body("details[0]", startsWith("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", List.of("planet")))
                .post("/api/alerts").then().statusCode(400).body("details[0]", startsWith("type"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "entity", List.of(" ")))
                .post("/api/alerts").then().statusCode(400).body("details[0]", startsWith("entity"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/alerts").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "webhookSecret", "s"))
                .post("/api/alerts").then().statusCode(400).body("details[0]", startsWith("webhookSecret"));
    }

    @Test
    void webhooksIntoTheInternalNetworkAreRefused() {
        for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://192.168.0.5:8080/x", "http://[::1]:9000/x", "http://0.0.0.0:9000/x", "http://100.64.1.1/x", "ftp://example.org/x",
                "http://user:pw@example.org/x")) {
            String detail = given().contentType(ContentType.JSON).body(Map.of("name", "n", "webhookUrl", url))
                    .post("/api/alerts").then().statusCode(400).extract().path("details[0]");
            assertThat(detail).as(url).startsWith("webhookUrl");
        }
        // 127.0.0.1 (and what resolves to it) is allow-listed in the test profile: the webhook test serves on it.
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "n", "webhookUrl", "http://127.0.0.1:1/hook", "webhookSecret", "s3cret"))
                .post("/api/alerts").then().statusCode(201).body("webhookSigned", equalTo(true))
                .extract().path("id");
        given().delete("/api/alerts/" + id).then().statusCode(204);
    }
}
