package newsroom.support.access.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import newsroom.support.access.Role;

/**
 * Walks a service's OpenAPI document and calls every operation with no key, with a key of every role too low for
 * it, and with a key of the least role that may call it. The expected table must name every operation the document
 * has, so an endpoint added without a row (and a role) fails the test that uses this.
 */
public final class RoleMatrix {
    /** Placeholder for path parameters: no such thing exists, so a permitted call ends in 404 or 400, harmlessly. */
    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
    private static final RestAssuredConfig SHORT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 3000).setParam("http.connection.timeout", 3000));

    /** The operations service-support adds to every service: they are in every table without being named there. */
    public static final Map<String, Role> SHARED = Map.of("POST /api/keys", Role.ADMIN, "GET /api/keys", Role.ADMIN,
            "DELETE /api/keys/{id}", Role.ADMIN, "GET /api/audit", Role.ADMIN);

    private final Map<Role, String> keys = new EnumMap<>(Role.class);

    /**
     * Makes a key of each role through {@code /api/keys} with the test admin key, and drops the default key
     * ({@link DefaultTestKey#off()}) for this test method, so that each call carries only the key it names.
     */
    public RoleMatrix() {
        DefaultTestKey.off();
        for (Role role : Role.values()) {
            keys.put(role, given(TestKeys.as(TestKeys.ADMIN)).contentType("application/json")
                    .body(Map.of("role", role.id(), "name", "role-matrix-" + role.id())).post("/api/keys").then()
                    .statusCode(201).extract().path("key"));
        }
    }

    public String key(Role role) {
        return keys.get(role);
    }

    /** Every operation ({@code "GET /api/x/{id}"}) in the service's OpenAPI document. */
    public static List<String> operations() {
        JsonPath doc = given(TestKeys.as(TestKeys.ADMIN)).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        List<String> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /**
     * @param own every operation's least role, but for the {@link #SHARED} ones
     * @param streams operations that answer with an endless stream: checked for 401/403 only
     */
    public void check(Map<String, Role> own, List<String> streams) {
        Map<String, Role> expected = new TreeMap<>(own);
        expected.putAll(SHARED);
        assertThat(new TreeSet<>(operations())).as("operations in the OpenAPI document vs the role table")
                .isEqualTo(new TreeSet<>(expected.keySet()));
        Map<String, String> wrong = new TreeMap<>();
        expected.forEach((operation, least) -> {
            String problem = checkOne(operation, least, streams.contains(operation));
            if (problem != null) {
                wrong.put(operation, problem);
            }
        });
        assertThat(wrong).as("operations answering wrongly for their role").isEmpty();
    }

    private String checkOne(String operation, Role least, boolean stream) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", NO_SUCH_ID);
        Response anonymous = call(given().config(SHORT), method, path);
        if (anonymous.statusCode() != 401 || !anonymous.asString().contains("\"error\"")) {
            return "no key: " + anonymous.statusCode() + " " + anonymous.asString();
        }
        for (Role role : Role.values()) {
            boolean allowed = role.grants().contains(least.id());
            if (!allowed) {
                Response r = call(given(TestKeys.as(keys.get(role))).config(SHORT), method, path);
                if (r.statusCode() != 403) {
                    return role.id() + " key: " + r.statusCode() + " instead of 403";
                }
            }
        }
        if (!stream) {
            Response r = call(given(TestKeys.as(keys.get(least))).config(SHORT), method, path);
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                return least.id() + " key: " + r.statusCode() + " " + r.asString();
            }
        }
        return null;
    }

    private static Response call(RequestSpecification spec, String method, String path) {
        RequestSpecification s = spec.contentType("application/json");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            s = s.body("{}");
        }
        return s.request(method, path);
    }
}
