package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNames;
import io.etareport.customers.CustomerRepository;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The loading page with the factory held up (the simulator's latency): past 5 s it names the factory as customers
 * know it and counts the seconds, promises no speed, and offers the saved copy, which opens at once.
 */
@RequiresChromium
// Always the loading page (no recent report shown instead, none reused), and the job waits for the live answer even
// with a stored copy of the factory's data, as with an operator's longer eta.cache.stale-deadline (at the default
// 4 s the job would take the stored copy before the page had anything to wait for).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eta.jobs.reuse-window=0s", "eta.jobs.show-recent-for=0s", "eta.cache.stale-deadline=60s",
                "eta.buz.read-timeout=60s"})
@ActiveProfiles({"demo", "test"})
class LoadingPageBrowserIntegrationTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Pattern WAITING = Pattern.compile("Still waiting for (.+), (\\d+)[ \u00a0]s so far");
    private static final Pattern OFFER = Pattern.compile("Show the copy from (\\d{1,2}:\\d{2} [AP]M) now");

    @LocalServerPort
    int port;

    @Autowired
    CustomerRepository customers;

    @Autowired
    BuzSimulator simulator;

    @Autowired
    InstanceNames factoryNames;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTestPolicy.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("eta-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTestPolicy.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(PHONE);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        simulator.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    private String link(String name) {
        return "http://localhost:" + port + "/" + customers.findAll().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().obfuscatedId();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void pastFiveSecondsThePageNamesTheSlowFactoryCountsTheSecondsAndOffersTheSavedCopy() {
        String link = link(DemoCustomers.DD_ONLY);
        browser.get(link);
        wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
        // That report is now the customer's saved copy; the next one waits for a factory held for 30 s (long enough
        // for the page to be read before the fresh report replaces it).
        simulator.faults().latency("DD", 30_000);

        browser.get(link);
        assertThat(browser.getTitle()).isEqualTo("Preparing your report");
        assertThat(browser.findElements(By.id("copy-link"))).as(browser.getPageSource()).hasSize(1);
        String offer = text("copy-link");
        Matcher offered = OFFER.matcher(offer);
        assertThat(offered.matches()).as(offer).isTrue();

        wait.until(driver -> WAITING.matcher(text("stage")).matches());
        Matcher waiting = WAITING.matcher(text("stage"));
        assertThat(waiting.matches()).isTrue();
        String factory = factoryNames.of(Instance.DD);
        assertThat(factory).as("the demo names its factories").isNotEqualTo("DD");
        assertThat(waiting.group(1)).isEqualTo(factory);
        int seconds = Integer.parseInt(waiting.group(2));
        assertThat(seconds).as("the wait began when the job did").isGreaterThanOrEqualTo(5);
        // The page counts by itself, every second (the stream tells nothing until the job ends).
        wait.until(driver -> {
            Matcher later = WAITING.matcher(text("stage"));
            return later.matches() && Integer.parseInt(later.group(2)) > seconds;
        });
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("few seconds");
        assertThat(text("hint")).isNotBlank().doesNotContain("few seconds");
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("value"))
                .as("while waiting for the factory the bar claims no percentage").isNull();
        assertThat(violations()).isEmpty();

        browser.findElement(By.id("copy-link")).click();
        wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
        // The copy, shown at once: its freshness line has the time the offer named, refreshing meanwhile...
        assertThat(text("refreshing")).contains(", " + offered.group(1) + " ").endsWith("· refreshing…");
        assertThat(browser.findElements(By.cssSelector("section.order"))).isNotEmpty();
        assertThat(violations()).isEmpty();
        // ...until the fresh report replaces it in place.
        wait.until(driver -> driver.findElements(By.id("refreshing")).isEmpty()
                && !driver.findElements(By.id("updated")).isEmpty());
        assertThat(text("updated")).startsWith("Updated just now");
    }

    /** WCAG 2.x A and AA rules of axe-core, 2.2 included. */
    private List<String> violations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(browser);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().size() + " element(s)")
                .toList();
    }
}
