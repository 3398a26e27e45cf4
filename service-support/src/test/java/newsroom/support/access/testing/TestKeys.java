package newsroom.support.access.testing;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

import newsroom.events.Sha256;

/**
 * The admin key the services accept in their test profile: its hash is
 * {@code %test.newsroom.access.bootstrap-admin-key-sha256} in service-support's shared configuration, and the e2e
 * tests hand the same hash to the packaged services. Known to everyone, so only ever a test's key. Needs nothing of
 * service-support's main classes, so black-box clients (e2e-tests) can use it too.
 */
public final class TestKeys {
    public static final String ADMIN = "nrk_test-admin-key-for-the-test-profile-only-000";
    /** SHA-256 (hex) of the key's UTF-8 bytes: what a service is given as its bootstrap admin key. */
    public static final String ADMIN_SHA256 = Sha256.hex(ADMIN);

    private TestKeys() {
    }

    /** A RestAssured specification that sends {@code key}. */
    public static RequestSpecification as(String key) {
        return new RequestSpecBuilder().addHeader("X-Api-Key", key).build();
    }

}
