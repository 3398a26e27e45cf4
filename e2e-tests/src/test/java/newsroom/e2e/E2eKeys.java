package newsroom.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import newsroom.support.access.testing.TestKeys;

/**
 * The test admin key for the packaged services. {@link TestKeys#ADMIN} is a constant (inlined); its hash and the
 * RestAssured specification are made here because {@code TestKeys}' own need service-support's main classes, which
 * this module, a black-box client, does not have on its class path.
 */
final class E2eKeys {
    static final String ADMIN = TestKeys.ADMIN;

    private E2eKeys() {
    }

    /** What the services get as their bootstrap admin key: SHA-256 (hex) of the key's UTF-8 bytes. */
    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String key) {
        return new RequestSpecBuilder().addHeader("X-Api-Key", key).build();
    }
}
