package newsroom.support.access.testing;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Before every {@code @QuarkusTest} method (in the test's own class loader, where its RestAssured lives): requests
 * that name no credentials carry the test admin key. A filter, not a default specification: a specification would
 * freeze the port before Quarkus sets it. A test of access control calls {@link #off()} and sends its own keys.
 */
public class DefaultTestKey implements QuarkusTestBeforeEachCallback {
    private static final Filter ADMIN_UNLESS_NAMED = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("X-Api-Key")
                && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("X-Api-Key", TestKeys.ADMIN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(new ArrayList<>(List.of(ADMIN_UNLESS_NAMED)));
    }

    /** For this test method, requests carry only the credentials they name. */
    public static void off() {
        RestAssured.replaceFiltersWith(new ArrayList<>());
    }
}
