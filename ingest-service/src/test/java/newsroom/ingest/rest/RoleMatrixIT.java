package newsroom.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.Role;
import newsroom.support.access.testing.RoleMatrix;

/** Every operation of the ingest-service against the role table of the access-control design (the
 * key and audit operations every service shares are added by {@link RoleMatrix}). */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class RoleMatrixIT {

    @Test
    void everyOperationAnswersToItsRole() {
        new RoleMatrix().check(Map.ofEntries(
                Map.entry("POST /api/articles", Role.INGESTER),
                Map.entry("GET /api/articles", Role.READER),
                Map.entry("GET /api/articles/{id}", Role.READER),
                Map.entry("POST /api/articles/batch", Role.INGESTER),
                Map.entry("GET /api/feeds", Role.INGESTER),
                Map.entry("POST /api/feeds", Role.INGESTER),
                Map.entry("GET /api/feeds/{id}", Role.INGESTER),
                Map.entry("DELETE /api/feeds/{id}", Role.INGESTER),
                Map.entry("POST /api/feeds/{id}/poll", Role.INGESTER),
                Map.entry("GET /api/outbox/parked", Role.ADMIN),
                Map.entry("POST /api/outbox/parked/requeue", Role.ADMIN)), List.of());
    }

    @Test
    void healthStaysOpenAndMetricsAndOpenApiNeedAKey() {
        RoleMatrix matrix = new RoleMatrix();
        given().get("/q/health/ready").then().statusCode(equalTo(200));
        given().get("/q/metrics").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
        given().header("X-Api-Key", matrix.key(Role.READER)).get("/q/metrics").then().statusCode(200);
        given().header("X-Api-Key", matrix.key(Role.READER)).get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aRevokedKeyIsRefused() {
        RoleMatrix matrix = new RoleMatrix();
        String key = matrix.key(Role.INGESTER);
        given().header("X-Api-Key", key).get("/api/feeds").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).get("/api/feeds").then().statusCode(200);
        String id = given().header("X-Api-Key", newsroom.support.access.testing.TestKeys.ADMIN).get("/api/keys")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == 'role-matrix-ingester' && it.prefix == '" + key.substring(0, 12)
                        + "' }.id");
        given().header("X-Api-Key", newsroom.support.access.testing.TestKeys.ADMIN).delete("/api/keys/" + id).then()
                .statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> given().header("X-Api-Key", key).get("/api/feeds").then().statusCode(401));
    }
}
