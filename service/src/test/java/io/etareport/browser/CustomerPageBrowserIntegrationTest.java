package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNames;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report page's own memory of the customer's last visit (localStorage, nothing on the server) and its new
 * elements (summary, badges, contact, calendar link) in a real browser, against the demo's simulator.
 */
@RequiresChromium
// No reuse window: a second open prepares a fresh report, so the instant-open swap can be watched.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eta.jobs.reuse-window=0s", "eta.jobs.show-recent-for=15m"})
@ActiveProfiles({"demo", "test"})
class CustomerPageBrowserIntegrationTest {

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
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("eta-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTestPolicy.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page swaps its report in place, so an element read mid-swap may be gone: look again.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        simulator.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    private Customer demoCustomer(String name) {
        return customers.findAll().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private WebElement order(String refNo) {
        return browser.findElement(By.cssSelector("section.order[aria-label='Order " + refNo + "']"));
    }

    @Test
    void theSecondVisitMarksOrdersWhoseDateMovedSinceTheFirstAndPassesAnAccessibilityCheck() {
        // Not a customer the other browser test fetches: its 503 test leaves that customer's data cooling down.
        String link = "http://localhost:" + port + "/sync/" + demoCustomer(DemoCustomers.APOSTROPHE).obfuscatedId();

        browser.get(link);
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders"));
        assertThat(browser.findElement(By.id("last-visit")).isDisplayed()).as("no last visit yet").isFalse();
        assertThat(order("90030").getText()).doesNotContain("since your last visit");

        browser.navigate().refresh();
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders"));
        assertThat(browser.findElement(By.id("last-visit")).isDisplayed()).as("still the first visit").isFalse();

        simulator.moveDate("DD", "90030", LocalDate.now().plusDays(40));
        // A new visit: a new tab (its own session) on the same browser.
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get(link);
        wait.until(driver -> driver.findElement(By.id("last-visit")).isDisplayed());

        assertThat(browser.findElement(By.id("last-visit")).getText()).contains("0 new orders, 1 date moved")
                .containsPattern("updated \\d{1,2} [A-Z][a-z]{2}");
        // Its week may start folded (more than four weeks ahead): read the text whether shown or not.
        assertThat(order("90030").getAttribute("textContent")).contains("Date moved since your last visit")
                .contains("moved later");
        assertThat(order("90031").getAttribute("textContent")).doesNotContain("since your last visit");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("1 moved recently");
        assertThat(browser.findElement(By.id("calendar")).getText()).isEqualTo("Subscribe in your calendar");
        // The calendar app's "subscribe" (webcal:), and a button copying the link for apps that want a URL.
        String feed = "localhost:" + port + "/" + demoCustomer(DemoCustomers.APOSTROPHE).obfuscatedId() + "/calendar.ics";
        assertThat(browser.findElement(By.id("calendar")).getAttribute("href")).isEqualTo("webcal://" + feed);
        WebElement copy = browser.findElement(By.id("calendar-copy"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        // Copied, or (where the browser refuses the clipboard) the link to copy by hand.
        wait.until(driver -> !driver.findElement(By.id("calendar-copied")).getText().isBlank());
        assertThat(browser.findElement(By.id("calendar-copied")).getText())
                .satisfiesAnyOf(said -> assertThat(said).startsWith("Link copied."),
                        said -> assertThat(said).endsWith("http://" + feed));
        assertThat(browser.findElement(By.id("contact-title")).getText()).isEqualTo("Questions about your orders?");
        assertThat(violations()).isEmpty();

        browser.findElement(By.id("last-visit-dismiss")).click();
        assertThat(browser.findElement(By.id("last-visit")).isDisplayed()).isFalse();
        browser.navigate().refresh();
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders"));
        assertThat(browser.findElement(By.id("last-visit")).isDisplayed()).as("dismissed for this visit").isFalse();
    }

    @Test
    void aRecentReportShowsAtOnceAndTheFreshOneReplacesItInPlaceKeepingTheFilter() {
        String link = "http://localhost:" + port + "/" + demoCustomer(DemoCustomers.ON_BOTH).obfuscatedId();
        browser.get(link);
        // Through the loading page, or (when another test here already built this report) at once and refreshed.
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders")
                && driver.findElements(By.id("refreshing")).isEmpty());
        simulator.faults().latency(io.etareport.simulator.SimulatorFaults.ALL, 1500);

        browser.get(link + "?supplier=CBR");
        assertThat(browser.findElement(By.id("refreshing")).getText()).endsWith("· refreshing…");
        String shown = browser.findElement(By.id("shown")).getText();
        wait.until(driver -> driver.findElements(By.id("refreshing")).isEmpty());

        assertThat(browser.getCurrentUrl()).endsWith("?supplier=CBR");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Open Orders");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(shown);
        // Customers read the factory's display name (the demo names it); the filter keeps its code.
        assertThat(browser.findElements(By.cssSelector("section.order:not([hidden])"))).isNotEmpty()
                .allSatisfy(order -> {
                    assertThat(order.getAttribute("data-supplier")).isEqualTo("cbr");
                    assertThat(order.findElement(By.cssSelector(".order-header dd")).getText())
                            .isEqualTo(factoryNames.of(Instance.CBR));
                });
        assertThat(violations()).isEmpty();
    }

    @Test
    void choosingAStatusShowsItsOrdersAndLinesByTheKeyTheServerRenderedAndTheAddressShowsTheSame() {
        String link = "http://localhost:" + port + "/" + demoCustomer(DemoCustomers.ON_BOTH).obfuscatedId();
        browser.get(link);
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders")
                && driver.findElements(By.id("refreshing")).isEmpty());
        WebElement choice = browser.findElements(By.cssSelector("#status option")).get(1);
        String key = choice.getAttribute("data-key");
        assertThat(key).as("the server renders each choice's key").isNotBlank().isLowerCase();

        ((JavascriptExecutor) browser).executeScript("var select = document.getElementById('status');"
                + " select.selectedIndex = 1; select.dispatchEvent(new Event('change', {bubbles: true}));");
        wait.until(driver -> driver.getCurrentUrl().contains("status="));

        List<WebElement> shown = browser.findElements(By.cssSelector("section.order:not([hidden])"));
        assertThat(shown).isNotEmpty().allSatisfy(order ->
                assertThat(order.getAttribute("data-statuses").split("\\|")).contains(key));
        assertThat(browser.findElements(By.cssSelector("section.order:not([hidden]) tbody tr:not([hidden])")))
                .allSatisfy(line -> assertThat(line.getAttribute("data-status")).isEqualTo(key));
        String count = browser.findElement(By.id("shown")).getText();
        assertThat(count).isEqualTo(String.valueOf(shown.size()));
        // The same address from the server alone: the choice the form submits is one the filter reads.
        browser.get(browser.getCurrentUrl());
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders")
                && driver.findElements(By.id("refreshing")).isEmpty());
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(count);
        assertThat(browser.findElements(By.cssSelector("section.order:not([hidden])"))).hasSize(shown.size());
    }

    /** Words on the page whose letters the browser laid over two lines ("In Producti/on"). */
    private static final String BROKEN_WORDS = """
            const broken = [];
            document.querySelectorAll('section.order td, section.order dd, section.order h3').forEach(el => {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const re = /\\S+/g;
                let m;
                while ((m = re.exec(node.data)) !== null) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
                  if (tops.size > 1) { broken.push(m[0]); }
                }
              }
            });
            return broken;
            """;

    @Test
    void onAPhoneEachOrderIsACardWithNoSidewaysScrollNoWordBrokenAndHeadingsPerWeek() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get("http://localhost:" + port + "/sync/" + demoCustomer(DemoCustomers.ON_BOTH).obfuscatedId());
        // On a phone the heading is the customer's name alone ("Open Orders for" is hidden there).
        wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;

        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        Number clientWidth = (Number) js.executeScript("return document.documentElement.clientWidth;");
        assertThat(scrollWidth.intValue()).as("no horizontal scroll").isLessThanOrEqualTo(clientWidth.intValue());
        assertThat((List<?>) js.executeScript(BROKEN_WORDS)).as("words broken mid-word").isEmpty();
        assertThat(browser.findElements(By.cssSelector("h2.week-heading"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("section.order h3.order-title")))
                .hasSameSizeAs(browser.findElements(By.cssSelector("section.order")));
        // A long report's order opens from the server on /sync/ (no job): the row itself is the tap target.
        WebElement ask = browser.findElements(By.cssSelector("section.order")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow().findElement(By.cssSelector(".order-toggle"));
        assertThat(ask.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(ask.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);
        assertThat(violations()).isEmpty();
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
