package newsroom.search.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.TestKeys;

/** The page's and the API's security headers, a page without inline script, JSON-only state changes, no CORS. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class SecurityHeadersIT {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/index.html", "/app.js", "/key.js", "/style.css", "/api/search", "/api/alerts",
            "/feeds/search.atom", "/no-such-page" })
    void everyResponseCarriesTheHeadersWithAndWithoutAKey(String path) {
        DefaultTestKey.off();
        check(given().get(path));
        check(given(TestKeys.as(TestKeys.ADMIN)).get(path));
    }

    private static void check(Response r) {
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).as(r.statusCode() + " CSP").contains("script-src 'self'").doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void thePageHasNoInlineScriptAndKeepsTheKeyForTheSessionOnly() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+\\s*=");
        String key = given().get("/key.js").then().statusCode(200).extract().asString();
        assertThat(key).contains("sessionStorage").doesNotContain("localStorage.setItem");
        for (String script : new String[] { "/app.js", "/alerts.js", "/key.js" }) {
            assertThat(given().get(script).then().statusCode(200).extract().asString()).as(script)
                    .doesNotContain("localStorage.").doesNotContain("new EventSource");
        }
    }

    @Test
    void stateChangesAcceptJsonOnly() {
        String body = "{\"name\":\"plain\"}";
        given().contentType("text/plain").body(body).post("/api/alerts").then().statusCode(415);
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("name", "form"))
                .post("/api/alerts").then().statusCode(415);
        given().contentType("multipart/form-data").multiPart("name", "form").post("/api/alerts").then().statusCode(415);
        given().contentType("text/plain").body("{\"feed\":\"/feeds/search.atom\"}").post("/api/feed-tokens").then()
                .statusCode(415);
        given().contentType("text/plain").body(body).put("/api/alerts/any").then().statusCode(415);
        given().contentType("text/plain").body("{\"role\":\"admin\"}").post("/api/keys").then().statusCode(415);
    }

    @Test
    void noCrossOriginAccessIsGranted() {
        Response preflight = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "X-Api-Key")
                .options("/api/alerts");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Response get = given().header("Origin", "https://elsewhere.example").get("/api/search");
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }
}
