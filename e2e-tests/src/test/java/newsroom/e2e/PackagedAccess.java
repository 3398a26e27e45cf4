package newsroom.e2e;

import newsroom.support.access.testing.TestKeys;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 10's done-when check on the packaged services: every operation of each OpenAPI document without a key, and
 * the operations a reader may not call with a reader key. The per-operation role table lives in each service's
 * RoleMatrixIT; this checks that the packaged jars, configured as the launcher configures them, behave the same.
 */
final class PackagedAccess {
    /** Path parameters become an id nothing has, so a call that gets through changes nothing. */
    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
    private static final RestAssuredConfig SHORT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 5000).setParam("http.connection.timeout", 3000));

    /** Operations a reader may not call, by service: ingest, feeds, curation, keys, the audit log, the outbox. */
    static final BiPredicate<String, String> READER_FORBIDDEN = (service, operation) -> {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        if (path.startsWith("/api/keys") || path.startsWith("/api/audit")) {
            return true;
        }
        boolean change = !method.equals("GET");
        return switch (service) {
            case "ingest-service" -> path.startsWith("/api/feeds") || path.startsWith("/api/outbox")
                    || change && path.startsWith("/api/articles");
            case "nlp-service" -> path.startsWith("/api/extract") || change && path.startsWith("/api/entities");
            default -> false;
        };
    };

    private PackagedAccess() {
    }

    /** Every operation ({@code "GET /api/x/{id}"}) in the service's OpenAPI document, read with the admin key. */
    static List<String> operations(ServiceProcess service) {
        JsonPath doc = given(TestKeys.as(TestKeys.ADMIN)).baseUri(service.baseUrl()).accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        List<String> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /** Operation → what was wrong, for every operation that did not answer {@code expected} with the JSON error. */
    static Map<String, String> notAnswering(ServiceProcess service, List<String> operations, String key, int expected) {
        return notAnswering(service, operations, key, expected, true);
    }

    /** As above; {@code jsonBody} false for the management paths, whose refusal comes before any resource. */
    static Map<String, String> notAnswering(ServiceProcess service, List<String> operations, String key, int expected,
            boolean jsonBody) {
        Map<String, String> wrong = new TreeMap<>();
        for (String operation : operations) {
            Response r = call(service, key, operation);
            if (r.statusCode() != expected || jsonBody && !r.asString().contains("\"error\"")) {
                wrong.put(service.name() + " " + operation, r.statusCode() + " " + FaultApi.abbreviate(r.asString()));
            }
        }
        return wrong;
    }

    static Response call(ServiceProcess service, String key, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", NO_SUCH_ID);
        RequestSpecification spec = (key == null ? given() : given(TestKeys.as(key))).config(SHORT)
                .baseUri(service.baseUrl()).contentType("application/json");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            spec = spec.body("{}");
        }
        return spec.request(method, path);
    }

    /** A new key of {@code role}, made through the admin API of {@code service}. */
    static String newKey(ServiceProcess service, String role, String name) {
        return given(TestKeys.as(TestKeys.ADMIN)).baseUri(service.baseUrl()).contentType("application/json")
                .body(Map.of("role", role, "name", name)).post("/api/keys")
                .then().statusCode(201).extract().path("key");
    }

    static void assertOpen(ServiceProcess service, String path) {
        assertThat(given().config(SHORT).baseUri(service.baseUrl()).get(path).statusCode())
                .as(service.name() + " " + path + " without a key").isEqualTo(200);
    }
}
