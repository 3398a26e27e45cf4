package newsroom.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.Role;
import newsroom.support.access.testing.RoleMatrix;

/** Per-key rate limits: a runaway key gets 429 with Retry-After, another key goes on. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(RateLimitIT.TightLimits.class)
class RateLimitIT {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.access.rate-limit.per-second", "0.2", "newsroom.access.rate-limit.burst", "30");
        }
    }

    @Test
    void aRunawayKeyIsToldToWaitAndTheOthersAreNot() {
        RoleMatrix keys = new RoleMatrix(); // 4 key creations, by the admin key
        String runaway = keys.key(Role.READER);
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Response r = given().header("X-Api-Key", runaway).get("/api/articles?limit=1");
            statuses.add(r.statusCode());
            limited = r.statusCode() == 429 ? r : null;
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(200);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.jsonPath().getString("error")).isEqualTo("too many requests");

        given().header("X-Api-Key", keys.key(Role.INGESTER)).get("/api/articles?limit=1").then().statusCode(200);
    }
}
