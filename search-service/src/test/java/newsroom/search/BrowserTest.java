package newsroom.search;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;

/**
 * A page test's browser: one headless Chromium per test class, started before its first test and quit after its
 * last. A base class rather than an extension, because a {@code @QuarkusTest} runs its tests on a copy of the class
 * loaded by Quarkus, whose fields an extension registered on the original would never fill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {
    protected WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException, InterruptedException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
