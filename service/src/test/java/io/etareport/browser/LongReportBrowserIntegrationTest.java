package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's biggest customer (the simulator's "Big Group 300": 329 orders from 300 member customers) on a phone
 * (390×844) and a laptop (1366×900): orders on the first screen, the whole list short and light, the summary's
 * counts as shortcuts, a member filter, and no accessibility violations.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class LongReportBrowserIntegrationTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension LAPTOP = new Dimension(1366, 900);

    @LocalServerPort
    int port;

    @Autowired
    CustomerRepository customers;

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
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String link(String name) {
        Customer customer = customers.findAll().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
        return "http://localhost:" + port + "/" + customer.obfuscatedId();
    }

    /** Opens the link (through the loading page) at this window size and waits for the report. */
    private void open(String url, Dimension size) {
        browser.manage().window().setSize(size);
        browser.get(url);
        // Through the loading page, or at once from a recent report and then swapped for the fresh one in place.
        wait.until(driver -> driver.getTitle().startsWith("Open Orders")
                && driver.findElements(By.id("refreshing")).isEmpty());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private long number(String script) {
        return ((Number) js(script)).longValue();
    }

    private List<WebElement> shownOrders() {
        return browser.findElements(By.cssSelector("section.order:not([hidden])"));
    }

    @Test
    void onAPhoneTheFirstScreenShowsOrdersAndTheWholeListIsShortLightAndAccessible() {
        open(link(DemoCustomers.BIG_GROUP), PHONE);

        long viewport = number("return window.innerHeight;");
        WebElement first = shownOrders().get(0);
        assertThat(number("return document.querySelector('section.order:not([hidden])').getBoundingClientRect()"
                + ".bottom;")).as("the first order ends on the first screen").isLessThanOrEqualTo(viewport);
        assertThat(first.findElement(By.cssSelector(".order-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).as("filters folded away").isFalse();
        assertThat(browser.findElement(By.id("tools-toggle")).getText()).isEqualTo("Filter / download");
        assertThat(browser.findElement(By.id("tools-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.cssSelector(".updated")).getText())
                .matches("Updated (just now|\\d+ minutes? ago), .* Sydney time");

        assertThat(shownOrders()).as("every order on the page").hasSizeGreaterThan(300).hasSize(Integer.parseInt(
                browser.findElement(By.cssSelector("#summary a strong")).getText()));
        assertThat(number("return document.getElementsByTagName('*').length;")).as("elements at first render")
                .isLessThanOrEqualTo(4000);
        assertThat(number("return document.documentElement.scrollHeight;")).as("collapsed height")
                .isLessThanOrEqualTo(40 * viewport);
        assertNoSidewaysScrollNorBrokenWords();
        assertThat(violations()).isEmpty();
    }

    @Test
    void anOrderOpensWithTheKeyboardAndItsLinesComeOnDemand() {
        open(link(DemoCustomers.BIG_GROUP), PHONE);
        WebElement toggle = shownOrders().get(3).findElement(By.cssSelector(".order-toggle"));
        String body = toggle.getAttribute("aria-controls");

        toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(driver -> "true".equals(toggle.getAttribute("aria-expanded")));
        WebElement lines = browser.findElement(By.id(body));
        assertThat(lines.isDisplayed()).isTrue();
        assertThat(lines.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(lines.getText()).containsIgnoringCase("customer");

        toggle.sendKeys(org.openqa.selenium.Keys.SPACE);
        wait.until(driver -> "false".equals(toggle.getAttribute("aria-expanded")));
        assertThat(browser.findElement(By.id(body)).isDisplayed()).isFalse();
        assertThat(violations()).isEmpty();
    }

    @Test
    void theSummaryCountsAreShortcutsToThoseOrders() {
        open(link(DemoCustomers.BIG_GROUP), PHONE);
        long overdue = Long.parseLong(browser.findElement(By.cssSelector("#summary-overdue strong")).getText());
        long ready = Long.parseLong(browser.findElement(By.cssSelector("#summary-ready strong")).getText());
        assertThat(overdue).isPositive();

        browser.findElement(By.id("summary-overdue")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("state=overdue")
                && driver.getTitle().startsWith("Open Orders"));
        assertThat(shownOrders()).hasSize((int) overdue)
                .allSatisfy(order -> assertThat(order.getAttribute("data-states")).contains("overdue"));
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(overdue));
        assertThat(browser.findElement(By.id("summary-overdue")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).as("a shortcut keeps Filter / download shut")
                .isFalse();

        browser.findElement(By.id("summary-ready")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("state=ready"));
        wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
        assertThat(shownOrders()).hasSize((int) ready);
    }

    @Test
    void aGroupsPageNamesEachOrdersMemberAndFiltersByMember() {
        open(link(DemoCustomers.BIG_GROUP), LAPTOP);
        // Rows of folded weeks too: their text is read whether shown or not.
        assertThat(shownOrders()).allSatisfy(order ->
                assertThat(order.findElement(By.cssSelector(".o-member")).getAttribute("textContent")).isNotBlank());
        String member = shownOrders().get(0).getAttribute("data-member");

        Select members = new Select(browser.findElement(By.id("member")));
        members.getOptions().stream().filter(option -> option.getText().equalsIgnoreCase(member)).findFirst()
                .orElseThrow().click();
        wait.until(driver -> driver.getCurrentUrl().contains("member="));

        assertThat(shownOrders()).isNotEmpty()
                .allSatisfy(order -> assertThat(order.getAttribute("data-member")).isEqualTo(member));
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(shownOrders().size()));
        // The same view from the server alone (the URL is the filter).
        browser.get(browser.getCurrentUrl());
        wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
        assertThat(shownOrders()).isNotEmpty()
                .allSatisfy(order -> assertThat(order.getAttribute("data-member")).isEqualTo(member));
    }

    @Test
    void onALaptopOrdersStartHighUpWithFiltersOpenAndNothingScrollsSideways() {
        open(link(DemoCustomers.BIG_GROUP), LAPTOP);

        assertThat(number("return document.querySelector('section.order:not([hidden])').getBoundingClientRect().top;"))
                .as("the first order starts on the first screen").isLessThan(number("return window.innerHeight;"));
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("tools-toggle")).isDisplayed()).isFalse();
        assertNoSidewaysScrollNorBrokenWords();
        assertThat(violations()).isEmpty();
    }

    /** Words on the page whose letters the browser laid over two lines ("In Producti/on"). */
    private static final String BROKEN_WORDS = """
            const broken = [];
            document.querySelectorAll('section.order td, section.order dd, section.order h3, .summary, .updated')
                .forEach(el => {
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

    private void assertNoSidewaysScrollNorBrokenWords() {
        assertThat(number("return document.documentElement.scrollWidth;")).as("no horizontal scroll")
                .isLessThanOrEqualTo(number("return document.documentElement.clientWidth;"));
        assertThat((List<?>) js(BROKEN_WORDS)).as("words broken mid-word").isEmpty();
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
