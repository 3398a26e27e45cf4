package newsroom.search.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.events.EnrichedArticle;
import newsroom.search.EnrichedArticles;
import newsroom.search.BrowserTest;
import newsroom.stack.testing.LocalStackTestResource;

/** The page's story features in headless Chromium: the collapse switch, the story view and the story list. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class StoryPageIT extends BrowserTest {
    static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL page;

    @Test
    void collapsingByStoryShowsOneHitPerStoryAndItsViewShowsTheStory() {
        StoryFixtures f = new StoryFixtures();
        List<EnrichedArticle> articles = List.of(f.strikeWire(), f.strikeDaily(), f.strikeRadio(),
                f.sameWeekDistractor());
        try (EnrichedArticles kafka = new EnrichedArticles(bootstrap)) {
            for (EnrichedArticle a : articles) { // one at a time, as StoryAssignmentIT: each finds the earlier ones
                kafka.send(a);
                await().atMost(WAIT).until(() -> StoryAssignmentIT.stories(f.union.id()).containsKey(a.id()));
            }
        }
        Map<String, String> stories = StoryAssignmentIT.stories(f.union.id());
        String strike = stories.get(f.strikeWire().id());
        assertThat(stories.values().stream().filter(strike::equals).count()).as("the strike is one story").isEqualTo(3);

        String reader = given().contentType("application/json")
                .body(Map.of("role", "reader", "name", "story-page-" + f.u)).post("/api/keys").then()
                .statusCode(201).extract().path("key");
        browser.get(page + "?entity=" + f.union.id());
        waitFor(By.id("api-key")).sendKeys(reader, Keys.ENTER);
        await("four articles").atMost(WAIT).until(() -> hits().size() == 4);
        assertThat(browser.findElements(By.cssSelector("li.hit[data-id='" + f.strikeDaily().id()
                + "'] button.story-link[data-story='" + strike + "']"))).hasSize(1);

        // the switch: one hit per story, each with its article count
        browser.findElement(By.id("collapse")).click();
        await("two stories").atMost(WAIT).until(() -> hits().size() == 2);
        assertThat(browser.getCurrentUrl()).contains("collapse=story");
        assertThat(text(By.id("status"))).startsWith("4 articles in 2 stories");
        WebElement strikeStory = browser.findElement(By.cssSelector("button.story-link[data-story='" + strike + "']"));
        assertThat(strikeStory.getText()).isEqualTo("Story of 3 articles");
        assertThat(browser.findElements(By.cssSelector("button.story-link[data-size='1']"))).hasSize(1);

        // the story view
        strikeStory.click();
        await("story view").atMost(WAIT).until(() -> !browser.findElements(By.id("story-size")).isEmpty());
        assertThat(text(By.id("story-size"))).isEqualTo("3");
        assertThat(text(By.id("story-outlet-count"))).isEqualTo("3");
        assertThat(text(By.id("story-first"))).isEqualTo(f.strikeWire().publishedAt().toString().substring(0, 16)
                .replace('T', ' ') + " UTC");
        assertThat(text(By.id("story-last"))).startsWith(f.strikeRadio().publishedAt().toString().substring(0, 10));
        List<WebElement> listed = browser.findElements(By.cssSelector("#story-articles li"));
        assertThat(listed).extracting(li -> li.getAttribute("data-id"))
                .containsExactly(f.strikeWire().id(), f.strikeDaily().id(), f.strikeRadio().id());
        WebElement link = listed.get(0).findElement(By.tagName("a"));
        assertThat(link.getAttribute("href")).isEqualTo(f.strikeWire().url());
        assertThat(link.getText()).isEqualTo(f.strikeWire().title());
        assertThat(listed.get(0).getText()).contains("wire-" + f.u);
        assertThat(browser.findElements(By.cssSelector("#story-timeline svg rect"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#story-outlets li"))).hasSize(3);
        assertThat(text(By.id("story-entities"))).contains("Valmera Dockers Guild · 3");
        assertThat(browser.findElements(By.cssSelector("#story-added li"))).extracting(li -> li.getAttribute("data-entity"))
                .containsExactly(f.authority.id());
        assertThat(browser.getCurrentUrl()).contains("story=" + strike);

        // Escape closes it; the story list of the search opens it again
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        await().atMost(WAIT).until(() -> !browser.findElement(By.id("story")).isDisplayed());
        browser.findElement(By.id("list-stories")).click();
        await("story list").atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#story-list li")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#story-list button.story-item")).get(0).getAttribute("data-story"))
                .isEqualTo(strike); // the largest first
        browser.findElement(By.cssSelector("#story-list button.story-item[data-story='" + strike + "']")).click();
        await("story view again").atMost(WAIT).until(() -> !browser.findElements(By.id("story-size")).isEmpty());
        assertThat(text(By.id("story-title"))).isEqualTo(f.strikeWire().title());

        // the story's own URL opens it directly
        browser.get(page + "?story=" + strike);
        await("opened from its URL").atMost(WAIT).until(() -> !browser.findElements(By.id("story-size")).isEmpty());
        assertThat(text(By.id("story-size"))).isEqualTo("3");

        // an alert made from the page can fire once per story
        browser.get(page + "?entity=" + f.union.id());
        await().atMost(WAIT).until(() -> hits().size() == 4);
        browser.findElement(By.id("alert-per-story")).click();
        browser.findElement(By.id("create-alert")).click();
        browser.switchTo().alert().sendKeys("per story " + f.u);
        browser.switchTo().alert().accept();
        await("alert listed").atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#alerts li.alert-item"))
                .stream().anyMatch(li -> li.getText().contains("per story " + f.u)
                        && li.getText().contains("once per story")));
        List<Map<String, Object>> alerts = given(newsroom.support.access.testing.TestKeys.as(reader))
                .get("/api/alerts").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(alerts).filteredOn(a -> String.valueOf(a.get("name")).contains("per story " + f.u)).singleElement()
                .satisfies(a -> assertThat(a.get("per")).isEqualTo("story"));
        alerts.forEach(a -> given().delete("/api/alerts/" + a.get("id")));
    }

    private List<WebElement> hits() {
        return browser.findElements(By.cssSelector("#results li.hit"));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private WebElement waitFor(By by) {
        await().atMost(WAIT).until(() -> !browser.findElements(by).isEmpty());
        return browser.findElement(by);
    }
}
