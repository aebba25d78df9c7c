package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.jobs.ReportJobs;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk, the customers at a glance, the order look-up, the audit log and the columns page in a real browser, on a
 * laptop (1366×900) and a phone (390×844): no sideways scrolling, the staff navigation on each, and no WCAG 2.2 A/AA
 * violation found by axe-core. Screenshots of failures land in target/browser/ (of every page with
 * {@code -Deta.screenshots=true}).
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // One row a customer across customers, so the desk shows its "Show all" links too.
        properties = "eta.desk.rows-per-customer=1")
@ActiveProfiles({"demo", "test"})
class StaffPagesBrowserIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @LocalServerPort
    int port;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ReportJobs jobs;
    @Autowired
    JdbcClient db;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowserWithStoredReports() throws IOException {
        for (String name : List.of(DemoCustomers.ON_BOTH, DemoCustomers.DD_ONLY)) {
            Customer customer = customers.findAll().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow();
            jobs.awaitReport(customer);
        }
        if (db.sql("SELECT count(*) FROM webhook_endpoint").query(Integer.class).single() == 0) {
            // One endpoint on, one switched off, so the webhooks page shows its table and both badges.
            db.sql("INSERT INTO webhook_endpoint (url, events, all_customers, secret, enabled, created_at, created_by)"
                    + " VALUES ('https://erp.example.com/hooks/eta-report/incoming?account=1234567890',"
                    + " 'order.date_changed,order.ready,order.overdue,order.finished', 1, 'whsec_AAAA', 1, 0, 'a@b.c'),"
                    + " ('https://dash.example.com/h', 'order.ready', 1, 'whsec_BBBB', 0, 0, NULL)").update();
            db.sql("UPDATE webhook_endpoint SET disabled_at = 0, failing_since = 0 WHERE enabled = 0").update();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTestPolicy.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("eta-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTestPolicy.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/login"));
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("admin@example.com");
        browser.findElement(By.id("email")).submit();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/desk"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
            "/desk, 1366, 900", "/desk, 390, 844",
            "/desk/customers, 1366, 900", "/desk/customers, 390, 844",
            "/audit, 1366, 900", "/audit, 390, 844",
            "/orders?number=90030, 1366, 900", "/orders?number=90030, 390, 844",
            "/columns, 1366, 900", "/admin, 1366, 900",
            "/staff/webhooks, 1366, 900", "/staff/webhooks, 390, 844"})
    void aStaffPageFitsHasTheNavigationAndPassesAxe(String path, int width, int height, TestInfo test) {
        try {
            browser.manage().window().setSize(new Dimension(width, height));
            browser.get(url(path));
            wait.until(driver -> driver.findElement(By.tagName("h1")).isDisplayed());

            assertThat(browser.findElements(By.cssSelector("nav.staff-nav a[href='/desk']"))).as("staff navigation")
                    .hasSize(1);
            assertThat(browser.findElements(By.cssSelector("form.sign-out button"))).as("sign out").hasSize(1);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("sideways scroll in px").isLessThanOrEqualTo(0);
            assertThat(violations()).isEmpty();
            if (Boolean.getBoolean("eta.screenshots")) {
                screenshot(test);
            }
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    /** WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core. */
    private List<String> violations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"))
                .analyze(browser);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().size() + " element(s) "
                        + rule.getNodes().stream().limit(2).map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(TestInfo test) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getDisplayName().replaceAll("\\W+", "_") + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The test's own failure matters more than a missing screenshot.
        }
    }
}
