package newsroom.search.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.Role;
import newsroom.support.access.testing.RoleMatrix;

/** Every operation of the search-service against the role table of the access-control design (the
 * key and audit operations every service shares are added by {@link RoleMatrix}). */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class RoleMatrixIT {

    @Test
    void everyOperationAnswersToItsRole() {
        new RoleMatrix().check(Map.ofEntries(
                Map.entry("GET /api/search", Role.READER),
                Map.entry("GET /api/stories", Role.READER),
                Map.entry("GET /api/stories/{id}", Role.READER),
                Map.entry("GET /feeds/search.atom", Role.READER),
                Map.entry("GET /feeds/stories/{id}.atom", Role.READER),
                Map.entry("GET /api/entities", Role.READER),
                Map.entry("GET /api/entities/{id}", Role.READER),
                Map.entry("GET /api/alerts", Role.READER),
                Map.entry("POST /api/alerts", Role.READER),
                Map.entry("GET /api/alerts/{id}", Role.READER),
                Map.entry("PUT /api/alerts/{id}", Role.READER),
                Map.entry("DELETE /api/alerts/{id}", Role.READER),
                Map.entry("GET /api/alerts/{id}/matches", Role.READER),
                Map.entry("GET /api/alerts/stream", Role.READER),
                Map.entry("GET /feeds/alerts/{id}.atom", Role.READER),
                Map.entry("POST /api/feed-tokens", Role.READER),
                Map.entry("GET /api/feed-tokens", Role.READER),
                Map.entry("DELETE /api/feed-tokens/{id}", Role.READER)), List.of("GET /api/alerts/stream"));
    }
}
