package newsroom.nlp.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.Role;
import newsroom.support.access.testing.RoleMatrix;

/** Every operation of the nlp-service against the role table of the access-control design (the
 * key and audit operations every service shares are added by {@link RoleMatrix}). */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class RoleMatrixIT {

    @Test
    void everyOperationAnswersToItsRole() {
        new RoleMatrix().check(Map.ofEntries(
                Map.entry("POST /api/extract", Role.INGESTER),
                Map.entry("GET /api/entities", Role.READER),
                Map.entry("POST /api/entities", Role.CURATOR),
                Map.entry("GET /api/entities/{id}", Role.READER),
                Map.entry("PUT /api/entities/{id}", Role.CURATOR),
                Map.entry("DELETE /api/entities/{id}", Role.CURATOR),
                Map.entry("POST /api/entities/{id}/aliases", Role.CURATOR),
                Map.entry("DELETE /api/entities/{id}/aliases", Role.CURATOR),
                Map.entry("POST /api/entities/{id}/merge", Role.CURATOR),
                Map.entry("POST /api/entities/{id}/unmerge", Role.CURATOR),
                Map.entry("POST /api/entities/import", Role.CURATOR)), List.of());
    }
}
