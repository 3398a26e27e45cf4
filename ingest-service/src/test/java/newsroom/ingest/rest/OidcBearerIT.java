package newsroom.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.OidcTestServer;
import newsroom.support.access.testing.TestKeys;

/**
 * OIDC bearer tokens as the second way in: roles from the token's claim (and the roles below them), API keys still
 * accepted beside them; expired or foreign-signed tokens refused. The identity provider is the test's own
 * ({@link OidcTestServer}).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(OidcBearerIT.OidcOn.class)
class OidcBearerIT {

    /** Its own profile: OIDC is on only here. */
    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcTestServer.class));
        }
    }

    @BeforeEach
    void onlyTheCredentialsEachCallNames() {
        DefaultTestKey.off();
    }

    @Test
    void aTokenRoleAndTheRolesBelowItAreHonoured() {
        String ingester = OidcTestServer.token("desk-oidc-ingester", List.of("ingester"));
        given().auth().oauth2(ingester).get("/api/feeds").then().statusCode(200);
        given().auth().oauth2(ingester).get("/api/articles?limit=1").then().statusCode(200); // reader, below ingester
        given().auth().oauth2(ingester).get("/api/keys").then().statusCode(403)
                .body("error", containsString("forbidden"));
        String admin = OidcTestServer.token("desk-oidc-admin", List.of("admin"));
        given().auth().oauth2(admin).get("/api/keys").then().statusCode(200);
    }

    @Test
    void aTokenWithoutOurRolesMayNothing() {
        String none = OidcTestServer.token("desk-oidc-nobody", List.of("offline_access", "uma_authorization"));
        given().auth().oauth2(none).get("/api/articles?limit=1").then().statusCode(403);
    }

    @Test
    void expiredAndForeignTokensAre401() {
        given().auth().oauth2(OidcTestServer.expiredToken("desk-late", List.of("admin"))).get("/api/feeds").then()
                .statusCode(401);
        given().auth().oauth2(OidcTestServer.foreignToken("desk-forger", List.of("admin"))).get("/api/feeds").then()
                .statusCode(401);
        given().auth().oauth2("not-a-token-at-all").get("/api/feeds").then().statusCode(401);
    }

    @Test
    void apiKeysStillWorkBesideTokens() {
        given().header("X-Api-Key", TestKeys.ADMIN).get("/api/keys").then().statusCode(200);
        given().auth().oauth2(TestKeys.ADMIN).get("/api/keys").then().statusCode(200);
    }

    @Test
    void theAuditLogNamesTheTokenSubject() {
        String admin = OidcTestServer.token("desk-oidc-auditor", List.of("admin"));
        String created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("role", "reader", "name", "made-by-oidc")).post("/api/keys").then().statusCode(201)
                .extract().path("view.id");
        given().auth().oauth2(admin).get("/api/audit?actor=desk-oidc-auditor&kind=key").then().statusCode(200)
                .body("find { it.target == '" + created + "' }.action", org.hamcrest.Matchers.equalTo("create"));
    }
}
