package newsroom.search;

import static newsroom.search.EnrichedArticles.article;
import static newsroom.search.EnrichedArticles.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles.Ent;
import newsroom.stack.testing.LocalStackTestResource;

/**
 * The analyst page in Debian's headless Chromium, driven by Selenium, on articles indexed through Kafka into the real
 * Elasticsearch. Chromium and chromedriver are installed by {@code src/test/scripts/install-chromium.sh} when missing.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class SearchPageIT extends BrowserTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL page;

    @Test
    void anAnalystSearchesFiltersByAFacetOpensAProfileAndSeesHostileTextAsText() throws IOException {
        String u = unique();
        String word = "zk" + u;
        String source = "page-" + u;
        Ent bukele = new Ent("person:nayib-bukele-" + u, "Nayib Bukele", EntityType.PERSON, 0.8, "Bukele");
        Ent abrego = new Ent("person:kilmar-abrego-garcia-" + u, "Kilmar Ábrego García", EntityType.PERSON, 0.9,
                "Ábrego García");
        Ent cecot = new Ent("facility:cecot-" + u, "CECOT", EntityType.FACILITY, 0.6, "CECOT");
        Ent salvador = new Ent("location:el-salvador-" + u, "El Salvador", EntityType.LOCATION, 0.5, "El Salvador");
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            kafka.send(article("p1-" + u, source, Instant.parse("2025-03-16T09:00:00Z"),
                    "Bukele offers CECOT cells for US deportees",
                    "El Salvador's president Bukele said CECOT would take the men (" + word + ").", bukele, cecot, salvador));
            kafka.send(article("p2-" + u, source, Instant.parse("2025-04-14T15:00:00Z"),
                    "Ábrego García remains in El Salvador",
                    "At the White House, Bukele said he would not return Ábrego García (" + word + ").", bukele, abrego,
                    salvador));
            kafka.send(article("p3-" + u, source, Instant.parse("2025-04-20T11:00:00Z"),
                    "Court filing quotes <b>markup</b> from a forum",
                    "The filing reproduced <script>window.__xss = 1</script> and <img src=x onerror=\"window.__xss = 2\"> "
                            + "as evidence about Ábrego García (" + word + ").", abrego));
            await().atMost(WAIT).until(() -> RestAssured.given().queryParam("source", source).get("/api/search")
                    .jsonPath().getInt("total") == 3);
        }

        // a reader's key, asked for once and kept in sessionStorage only
        String reader = RestAssured.given().contentType("application/json")
                .body(java.util.Map.of("role", "reader", "name", "page-reader-" + u)).post("/api/keys").then()
                .statusCode(201).extract().path("key");
        browser.get(page.toString());
        waitFor(By.id("api-key")).sendKeys(reader, Keys.ENTER);
        await("key form closes").atMost(WAIT).until(() -> !browser.findElement(By.id("key-form")).isDisplayed());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return sessionStorage.getItem('newsroom.apiKey')")).isEqualTo(reader);
        assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
        WebElement box = waitFor(By.id("q"));
        box.sendKeys(word, Keys.ENTER);
        await("three results").atMost(WAIT).until(() -> results().size() == 3);
        assertThat(text(By.id("status"))).startsWith("3 articles");
        assertThat(browser.findElements(By.cssSelector("#results mark"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart")).findElements(By.cssSelector("svg rect"))).isNotEmpty();

        // Hostile text in an article is shown as text: no element is created and nothing runs.
        WebElement hostile = browser.findElement(By.cssSelector("li.hit[data-id='p3-" + u + "']"));
        // (the snippet is a fragment around the match; it shows the end of the script tag and the whole img tag)
        assertThat(hostile.getText()).contains("</script>")
                .contains("<img src=x onerror=\"window.__xss = 2\">").contains("<b>markup</b>");
        assertThat(hostile.findElements(By.tagName("img"))).isEmpty();
        assertThat(hostile.findElements(By.tagName("script"))).isEmpty();
        assertThat(hostile.findElements(By.tagName("b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);

        // A facet narrows the list.
        browser.findElement(By.cssSelector("#facets button.facet[data-entity='" + bukele.id() + "']")).click();
        await("narrowed to Bukele").atMost(WAIT).until(() -> results().size() == 2);
        assertThat(text(By.id("filters"))).contains("Nayib Bukele");
        assertThat(browser.getCurrentUrl()).contains("entity=" + bukele.id().replace(":", "%3A"));

        // An entity chip filters further.
        browser.findElement(By.cssSelector("li.hit[data-id='p2-" + u + "'] button.chip-filter[data-entity='"
                + abrego.id() + "']")).click();
        await("narrowed to both").atMost(WAIT).until(() -> results().size() == 1);

        // The profile of an entity.
        browser.findElement(By.cssSelector("li.hit button.info[data-profile='" + abrego.id() + "']")).click();
        await("profile").atMost(WAIT).until(() -> browser.findElements(By.id("profile-name")).size() == 1);
        assertThat(text(By.id("profile-name"))).isEqualTo("Kilmar Ábrego García");
        assertThat(text(By.id("profile-articles"))).isEqualTo("2");
        assertThat(text(By.id("profile"))).containsIgnoringCase("Mentioned with").contains("Nayib Bukele · 1").contains("El Salvador · 1");

        // Keyboard: Escape closes the profile, "/" focuses the search box.
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        await().atMost(WAIT).until(() -> !browser.findElement(By.id("profile")).isDisplayed());

        // The alerts panel works for a reader: an alert made from the search is listed as the reader's own.
        browser.findElement(By.id("create-alert")).click();
        browser.switchTo().alert().accept();
        await("alert listed").atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#alerts li.alert-item")).size() >= 1);

        // "Forget key" drops it: the page asks again.
        browser.findElement(By.id("forget-key")).click();
        await("asked again").atMost(WAIT).until(() -> browser.findElement(By.id("key-form")).isDisplayed());
        assertThat(js.executeScript("return sessionStorage.getItem('newsroom.apiKey')")).isNull();
        browser.findElement(By.id("api-key")).sendKeys(reader, Keys.ENTER);

        // Back to the three results, with a profile open, for the README screenshot.
        browser.get(page + "?q=" + word);
        await().atMost(WAIT).until(() -> results().size() == 3);
        browser.findElement(By.cssSelector("li.hit button.info[data-profile='" + bukele.id() + "']")).click();
        await().atMost(WAIT).until(() -> browser.findElements(By.id("profile-name")).size() == 1);
        screenshot();
    }

    private List<WebElement> results() {
        return browser.findElements(By.cssSelector("#results li.hit"));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private WebElement waitFor(By by) {
        await().atMost(WAIT).until(() -> !browser.findElements(by).isEmpty());
        return browser.findElement(by);
    }

    /**
     * Into {@code target/} on every run; into the README's {@code docs/search-page.png} only when asked
     * ({@code -Dnewsroom.updateScreenshot=true}), so a test run never leaves a tracked file changed.
     */
    private void screenshot() throws IOException {
        Path root = Path.of(System.getProperty("newsroom.root", ".."));
        Path target = Boolean.getBoolean("newsroom.updateScreenshot") ? root.resolve("docs/search-page.png")
                : root.resolve("search-service/target/search-page.png");
        Files.createDirectories(target.getParent());
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
