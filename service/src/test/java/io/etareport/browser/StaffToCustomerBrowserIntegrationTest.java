package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNames;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.FaultMode;
import io.etareport.simulator.SimulatorFaults;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole demo in a real browser (Debian's Chromium, headless): staff sign in, add a customer and
 * copy its link; the customer opens it, watches the report being prepared, filters it and
 * downloads what they see as XLSX. A screenshot of a failing step lands in target/browser/. Without Chromium
 * it is skipped, except under CI, where it fails ({@link BrowserTestPolicy}).
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class StaffToCustomerBrowserIntegrationTest {

    private static final Path CHROMIUM = BrowserTestPolicy.CHROMIUM;
    private static final Path CHROMEDRIVER = BrowserTestPolicy.CHROMEDRIVER;
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    CustomerRepository customers;

    /** The demo's own simulator, standing in for BuzManager. */
    @org.springframework.beans.factory.annotation.Autowired
    BuzSimulator simulator;

    /** What customers read for each factory (the demo sets display names). */
    @org.springframework.beans.factory.annotation.Autowired
    InstanceNames factoryNames;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
        downloads = Files.createTempDirectory("eta-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("eta-chromium"));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffAddACustomerWhoOpensTheirLinkFiltersAndDownloads(TestInfo test) throws Exception {
        try {
            signInAsTheDemoAdmin();
            String link = addCustomerAndCopyTheirLink("Browser Test Blinds", "Coastline Interiors");

            browser.get(link);
            // The loading page ("Preparing your report") may already have moved on: its job's end arrives as an
            // event the moment it finishes.
            wait.until(driver -> driver.getCurrentUrl().contains("/report/"));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Open Orders for Browser Test Blinds");
            int allOrders = visibleOrders().size();
            assertThat(allOrders).isGreaterThan(1);

            Select supplier = new Select(browser.findElement(By.id("supplier")));
            supplier.selectByValue("CBR");
            wait.until(driver -> driver.getCurrentUrl().contains("supplier=CBR"));
            List<WebElement> shown = visibleOrders();
            assertThat(shown).isNotEmpty().hasSizeLessThan(allOrders);
            // The filter's values are the factory's code; customers read its display name (the demo names it).
            assertThat(shown).allSatisfy(order -> {
                assertThat(order.getAttribute("data-supplier")).isEqualTo("cbr");
                assertThat(order.findElement(By.cssSelector(".order-header dd")).getText())
                        .isEqualTo(factoryNames.of(Instance.CBR));
            });
            assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(shown.size()));

            WebElement xlsx = browser.findElement(By.id("download-xlsx"));
            assertThat(xlsx.getAttribute("href")).contains("/download.xlsx?supplier=CBR&job=");
            xlsx.click();
            Path file = awaitDownload();

            try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
                List<Row> rows = workbook.getFirstSheet().read();
                int instance = header(rows).indexOf("Instance");
                assertThat(rows).hasSizeGreaterThan(1);
                assertThat(rows.subList(1, rows.size()))
                        .as("the factory as customers read it: the demo sets display names")
                        .allSatisfy(row -> assertThat(row.getCell(instance).getRawValue())
                                .isEqualTo(factoryNames.of(Instance.CBR)));
                long orders = rows.subList(1, rows.size()).stream().map(row -> row.getCell(0).getRawValue())
                        .distinct().count();
                assertThat(orders).isEqualTo(shown.stream()
                        .map(order -> order.findElements(By.cssSelector(".order-header dd")).get(2).getText())
                        .distinct().count());
            }
            assertThat(file.getFileName().toString()).matches("Browser-Test-Blinds-open-orders-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void customerPagesPassAnAccessibilityCheck(TestInfo test) {
        try {
            // A failed job's loading page stays put (a running one moves on too fast to check). A
            // customer no other test fetches, so it has no saved copy to fall back on.
            simulator.faults().mode(SimulatorFaults.ALL, FaultMode.HTTP_503);
            browser.get("http://localhost:" + port + "/" + demoCustomer(DemoCustomers.DD_ONLY).obfuscatedId());
            wait.until(driver -> driver.findElement(By.id("failure")).isDisplayed());
            assertThat(violations()).as("loading page with its failure message").isEmpty();
            simulator.reset();

            for (Customer customer : List.of(demoCustomer(DemoCustomers.ON_BOTH),
                    demoCustomer(DemoCustomers.NO_OPEN_ORDERS))) {
                browser.get("http://localhost:" + port + "/" + customer.obfuscatedId());
                wait.until(driver -> driver.getCurrentUrl().contains("/report/"));
                wait.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Open Orders"));
                assertThat(violations()).as("report of " + customer.name()).isEmpty();
            }
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        } finally {
            simulator.reset();
        }
    }

    private Customer demoCustomer(String name) {
        return customers.findAll().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** WCAG 2.1 A and AA rules of axe-core: labels, contrast, landmarks, names of controls. */
    private List<String> violations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().size() + " element(s)")
                .toList();
    }

    private void signInAsTheDemoAdmin() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("admin@example.com");
        browser.findElement(By.id("email")).submit();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/desk"));
        browser.get("http://localhost:" + port + "/admin");
    }

    private String addCustomerAndCopyTheirLink(String name, String buzName) {
        browser.findElement(By.id("displayName")).sendKeys(name);
        browser.findElement(By.id("ddName")).sendKeys(buzName);
        browser.findElement(By.id("cbrName")).sendKeys(buzName);
        new Select(browser.findElement(By.id("fieldType"))).selectByValue("Customer Name");
        browser.findElement(By.xpath("//button[normalize-space()='Add customer']")).click();
        WebElement row = wait.until(driver -> driver.findElements(By.xpath("//tbody/tr[*[normalize-space()='" + name + "']]"))
                .stream().findFirst().orElse(null));
        String link = row.findElement(By.cssSelector("a.link-text")).getAttribute("href");
        assertThat(link).matches("http://localhost:" + port + "/[0-9a-f]{32}");

        row.findElement(By.xpath(".//button[normalize-space()='Copy']")).click();
        wait.until(driver -> driver.getPageSource().contains("Link for " + name + " copied."));
        return link;
    }

    private List<WebElement> visibleOrders() {
        return browser.findElements(By.cssSelector("section.order")).stream().filter(WebElement::isDisplayed).toList();
    }

    /**
     * The downloaded file once Chromium has finished it: while downloading it keeps an empty placeholder under
     * the final name beside a {@code .crdownload} file, so the name alone does not mean the file is there.
     */
    private Path awaitDownload() {
        return wait.until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                Optional<Path> done = all.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst();
                return done.isPresent() && Files.size(done.get()) > 0 ? done.get() : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static List<String> header(List<Row> rows) {
        List<String> names = new java.util.ArrayList<>();
        rows.get(0).forEach(cell -> names.add(cell.getRawValue()));
        return names;
    }

    private void screenshot(TestInfo test) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getDisplayName().replaceAll("\\W+", "_") + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The test's own failure matters more than a missing screenshot.
        }
    }
}
