package newsroom.search;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for the page's browser tests. Chromium and chromedriver are
 * installed by {@code src/test/scripts/install-chromium.sh} when missing.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    public static WebDriver start() throws IOException, InterruptedException {
        install();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Files.exists(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "/usr/bin/chromium-browser");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        return browser;
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            return;
        }
        Path root = Path.of(System.getProperty("newsroom.root", ".."));
        Path script = root.resolve("search-service/src/test/scripts/install-chromium.sh");
        Process process = new ProcessBuilder("bash", script.toString()).inheritIO().start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("installing chromium failed; run " + script + " as root");
        }
    }
}
