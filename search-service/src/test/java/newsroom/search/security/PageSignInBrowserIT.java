package newsroom.search.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import newsroom.search.BrowserTest;
import newsroom.stack.testing.LocalStackTestResource;
import newsroom.support.access.testing.OidcTestServer;

/**
 * The page's sign-in in a real browser: the identity provider runs on another site (127.0.0.1, the page on
 * localhost), so the walk back from it is cross-site, where the Strict session cookie is withheld; the page must
 * still end up signed in, search as the reader, keep no key anywhere, and sign out.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
@TestProfile(PageSignInIT.SignInOn.class)
class PageSignInBrowserIT extends BrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL page;

    @Test
    void aReaderSignsInSearchesWithoutAKeyAndSignsOut() {
        OidcTestServer.signInAs("desk-browser-" + UUID.randomUUID(), List.of("reader"));
        browser.get(page.toString());
        await("the page offers to sign in").atMost(WAIT).until(() -> shown("sign-in"));
        browser.findElement(By.id("sign-in")).click();

        await("back on the page, signed in").atMost(WAIT).until(() -> shown("sign-out"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page.toString()); // no code or state left in the address
        assertThat(shown("key-form")).isFalse();
        await("the page's search answered").atMost(WAIT)
                .until(() -> browser.findElement(By.id("status")).getText().matches("(?s).*\\d+ articles?.*"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return sessionStorage.getItem('newsroom.apiKey')")).isNull();
        assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(js.executeScript("return document.cookie")).asString().doesNotContain("q_session"); // HttpOnly

        browser.findElement(By.id("sign-out")).click();
        await("signed out: asked again").atMost(WAIT).until(() -> shown("key-form") && shown("sign-in"));
    }

    private boolean shown(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }
}
