package newsroom.search.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.DefaultTestKey;
import newsroom.support.access.testing.OidcTestServer;
import newsroom.support.access.testing.TestKeys;

/**
 * The web page's sign-in through an identity provider (the test's own, {@link OidcTestServer}): the whole
 * authorization code flow as a browser walks it, then the page's API calls on the session cookie alone, with the
 * signed-in person's role; the cookie is Strict and HttpOnly, a state change still wants JSON, and logout ends it.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(PageSignInIT.SignInOn.class)
class PageSignInIT {

    /** Its own profile: the page's sign-in is on only here. */
    public static class SignInOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PageIdentityProvider.class));
        }
    }

    /** The test identity provider, with the page's client ({@code quarkus.oidc.web.*}) pointed at it. */
    public static class PageIdentityProvider extends OidcTestServer {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            String web = "quarkus.oidc.web.";
            config.put("newsroom.access.oidc.web-page", "true");
            config.put(web + "auth-server-url", issuer());
            config.put(web + "discovery-enabled", "false");
            config.put(web + "authorization-path", "authorize");
            config.put(web + "token-path", "token");
            config.put(web + "jwks-path", "jwks");
            config.put(web + "end-session-path", "logout");
            config.put(web + "token.issuer", issuer());
            config.put(web + "client-id", CLIENT_ID);
            config.put(web + "credentials.secret", CLIENT_SECRET);
            return config;
        }
    }

    @BeforeEach
    void onlyTheCredentialsEachCallNames() {
        DefaultTestKey.off();
    }

    @Test
    void thePageLearnsThatItCanSignPeopleIn() {
        given().get("/sign-in.json").then().statusCode(200).body("signIn", equalTo("/login"))
                .body("signOut", equalTo("/logout"));
    }

    @Test
    void aSignedInReaderSearchesOnTheSessionAloneAndMayDoNoMore() {
        Map<String, String> session = signIn("desk-reader-" + UUID.randomUUID(), List.of("reader"));
        given().cookies(session).get("/api/search?q=harbour").then().statusCode(200);
        given().cookies(session).get("/api/keys").then().statusCode(403);
        given().get("/api/search?q=harbour").then().statusCode(401); // no session, no key: still refused
    }

    @Test
    void theSessionCookieIsStrictAndHttpOnly() {
        String subject = "desk-cookie-" + UUID.randomUUID();
        OidcTestServer.signInAs(subject, List.of("reader"));
        Map<String, String> cookies = new HashMap<>();
        Response back = followToCallback(cookies);
        String setCookie = back.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session_web")).findFirst().orElseThrow();
        assertThat(setCookie.toLowerCase()).contains("samesite=strict").contains("httponly");
    }

    @Test
    void aSubscriptionMadeInTheSessionIsOwnedByThePersonAndWantsJson() {
        String subject = "desk-owner-" + UUID.randomUUID();
        Map<String, String> session = signIn(subject, List.of("reader"));
        given().cookies(session).contentType(ContentType.JSON).body(Map.of("name", "watch " + subject, "q", "harbour"))
                .post("/api/alerts").then().statusCode(201).body("owner", equalTo(subject));
        // a cross-site form or text/plain post cannot change anything, even where a cookie went with it
        given().cookies(session).contentType(ContentType.TEXT).body("{\"name\":\"forged\",\"q\":\"x\"}")
                .post("/api/alerts").then().statusCode(415);
    }

    @Test
    void anEndedOrForgedSessionIsNotAnIdentityAndThePageIsToldWithoutARedirect() {
        int status = given().cookie("q_session_web", "forged-" + UUID.randomUUID())
                .header("X-Requested-With", "JavaScript").redirects().follow(false).get("/api/search?q=x").statusCode();
        assertThat(status).isIn(401, 499);
    }

    @Test
    void aKeyStillMeansItsOwnCallerBesideASession() {
        Map<String, String> session = signIn("desk-both-" + UUID.randomUUID(), List.of("reader"));
        given().cookies(session).header("X-Api-Key", TestKeys.ADMIN).get("/api/keys").then().statusCode(200);
    }

    @Test
    void logoutEndsTheSessionAtTheProviderAndHere() {
        Map<String, String> session = signIn("desk-leaving-" + UUID.randomUUID(), List.of("reader"));
        Response out = given().cookies(session).redirects().follow(false).get("/logout");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.header("Location")).startsWith(OidcTestServer.issuer() + "/logout");
        assertThat(out.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("q_session_web")
                && c.toLowerCase().contains("max-age=0"));
    }

    /** The browser's walk: page → provider → back with a code → on to the page; returns the session cookies. */
    private static Map<String, String> signIn(String subject, List<String> roles) {
        OidcTestServer.signInAs(subject, roles);
        Map<String, String> cookies = new HashMap<>();
        Response back = followToCallback(cookies);
        assertThat(back.statusCode()).as("the callback sends the browser on to the page").isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/");
        cookies.putAll(back.cookies());
        Map<String, String> session = new HashMap<>();
        cookies.forEach((name, value) -> {
            if (name.startsWith("q_session_web")) {
                session.put(name, value);
            }
        });
        assertThat(session).as("session cookie").isNotEmpty();
        return session;
    }

    private static Response followToCallback(Map<String, String> cookies) {
        Response login = given().redirects().follow(false).get("/login");
        assertThat(login.statusCode()).as("/login sends the browser to the provider").isEqualTo(302);
        cookies.putAll(login.cookies());
        String authorize = login.header("Location");
        assertThat(authorize).startsWith(OidcTestServer.issuer() + "/authorize");
        Response provider = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(URI.create(authorize)); // as the browser has it, not encoded twice
        assertThat(provider.statusCode()).isEqualTo(302);
        URI callback = URI.create(provider.header("Location"));
        return given().urlEncodingEnabled(false).cookies(cookies).redirects().follow(false).get(callback);
    }
}
