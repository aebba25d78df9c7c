package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.report.Dates;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Update mails in the demo as a newcomer tries them, on a phone (390×844) in headless Chromium: signs up under
 * "Email me when dates move" on a demo customer's page, finds the confirmation mail on the demo's mail page and
 * confirms, moves a date and sends the updates with the page's buttons, reads exactly one digest naming the order's
 * old and new date, and unsubscribes from its link, after which sending again mails them nothing. With
 * {@code -Deta.browser.views=true} it keeps screenshots of each page in target/browser/views/.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DemoUpdateMailsBrowserIntegrationTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    /** One order in the move button's notice: "order 90010 (DD) to 14 Dec 2026". */
    private static final DateTimeFormatter DISPLAYED = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final Pattern MOVED = Pattern.compile("order (\\S+) \\((\\w+)\\) to (\\d{2} \\w{3} \\d{4})");

    @LocalServerPort
    int port;

    @Autowired
    CustomerRepository customers;

    @Autowired
    JdbcClient db;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTestPolicy.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("eta-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTestPolicy.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(PHONE);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewcomerSignsUpConfirmsReadsADigestAfterADateMoveAndUnsubscribes(TestInfo test) {
        // Its own address, so mails other tests of this context send do not count.
        String address = "newcomer-" + System.nanoTime() + "@example.com";
        Customer customer = demoCustomer(DemoCustomers.ON_BOTH);
        try {
            // The customer's page, with the sign-up form.
            browser.get(url("/" + customer.obfuscatedId()));
            wait.until(driver -> driver.getTitle().startsWith("Open Orders"));
            // A recent report shows at once and the fresh one replaces it in place: read the page once it settled
            // (and read again should the swap land while reading).
            wait.until(driver -> driver.findElements(By.id("refreshing")).isEmpty()
                    && !driver.findElements(By.id("updated")).isEmpty());
            Map<String, String> expectedByOrder = wait.ignoring(StaleElementReferenceException.class)
                    .until(driver -> expectedDates());
            assertThat(expectedByOrder).as("open orders with an expected date").isNotEmpty();
            WebElement signUp = browser.findElement(By.cssSelector("section.updates"));
            assertThat(signUp.findElement(By.tagName("h2")).getText()).isEqualTo("Email me when dates move");
            scrollTo(signUp);
            view("subscribe-control");
            assertNoSidewaysScrolling("customer page with the sign-up form");
            signUp.findElement(By.id("updates-email")).sendKeys(address);
            WebElement daily = signUp.findElement(By.cssSelector("input[name=cadence][value=digest]"));
            daily.click();
            assertThat(daily.isSelected()).isTrue();
            signUp.findElement(By.xpath(".//button[normalize-space()='Email me']")).click();
            wait.until(driver -> heading().equals("Check your inbox"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(address);
            assertThat(violations()).as("\"Check your inbox\"").isEmpty();

            // Staff open the demo's mail page and find the confirmation.
            signInAsTheDemoAdmin();
            WebElement confirmation = mailTo(address, "Please confirm");
            view("demo-mail-confirmation");
            assertThat(violations()).as("demo mail page").isEmpty();
            String confirmLink = linkIn(confirmation, "/updates/confirm/");

            browser.get(confirmLink);
            wait.until(driver -> heading().equals("Confirm your order updates"));
            assertThat(violations()).as("confirmation page").isEmpty();
            browser.findElement(By.xpath("//button[normalize-space()='Confirm']")).click();
            wait.until(driver -> heading().equals("You're signed up"));
            // Signing up took, off the request's thread, the customer's orders as they were: what the update mails
            // compare with, and what the demo's move button picks an order of this customer from.
            await().atMost(Duration.ofSeconds(60)).until(() -> db.sql(
                    "SELECT count(*) FROM notify_order_state WHERE customer_id = ?").param(customer.id())
                    .query(Integer.class).single() > 0);

            // A factory moves a date, and the updates go out.
            browser.get(url("/staff/demo-mail"));
            press("Move a demo order's date");
            String notice = wait.until(driver -> driver.findElement(By.cssSelector(".flash-notice"))).getText();
            String[] moved = movedOrderOf(notice, expectedByOrder);
            String orderNo = moved[0];
            String oldDate = Dates.display(LocalDate.parse(expectedByOrder.get(moved[0] + "/" + moved[1])));
            String newDate = moved[2];
            assertThat(newDate).isNotEqualTo(oldDate);
            assertThat(LocalDate.parse(newDate, DISPLAYED)).as("a move a newcomer believes: to a date still ahead")
                    .isAfterOrEqualTo(LocalDate.now());
            press("Send updates now");

            List<WebElement> digests = wait.until(driver -> {
                List<WebElement> found = mailsTo(address).stream()
                        .filter(mail -> !subject(mail).startsWith("Please confirm")).toList();
                return found.isEmpty() ? null : found;
            });
            assertThat(digests).as("one digest").hasSize(1);
            WebElement digest = digests.get(0);
            scrollTo(digest);
            view("demo-mail-digest");
            assertNoSidewaysScrolling("demo mail page with a digest");
            String text = digest.findElement(By.tagName("pre")).getText();
            assertThat(text).contains("Order " + orderNo)
                    .contains("Expected date moved from " + oldDate + " to " + newDate);
            assertThat(digest.getText()).as("the one-click unsubscribe header").contains("one-click unsubscribe");

            // Unsubscribing from the digest's link.
            browser.get(linkIn(digest, "/updates/unsubscribe/"));
            wait.until(driver -> heading().equals("Stop order updates"));
            browser.findElement(By.xpath("//button[normalize-space()='Stop the emails']")).click();
            wait.until(driver -> heading().equals("You're unsubscribed"));
            assertThat(violations()).as("unsubscribed page").isEmpty();

            // Another date moves and the updates go out again: nothing for the address that left.
            browser.get(url("/staff/demo-mail"));
            int before = mailsTo(address).size();
            press("Move a demo order's date");
            wait.until(driver -> !driver.findElements(By.cssSelector(".flash-notice")).isEmpty());
            press("Send updates now");
            // Sending answers with the page again, without the move's notice.
            wait.until(driver -> driver.findElements(By.cssSelector(".flash-notice")).isEmpty());
            assertThat(mailsTo(address)).as("no mail after unsubscribing").hasSize(before);
            assertThat(db.sql("SELECT count(*) FROM notify_subscriber WHERE email = ?").param(address)
                    .query(Integer.class).single()).as("the address is deleted").isZero();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test.getDisplayName());
            throw e;
        }
    }

    private Customer demoCustomer(String name) {
        return customers.findAll().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Each order on the customer page ("90010/DD") and its expected date (ISO), as the page carries them. */
    private Map<String, String> expectedDates() {
        Map<String, String> dates = new HashMap<>();
        for (WebElement order : browser.findElements(By.cssSelector("section.order[data-expected]"))) {
            String expected = order.getAttribute("data-expected");
            if (expected != null && !expected.isBlank()) {
                String refNo = order.getAttribute("aria-label").replaceFirst("^Order ", "");
                dates.put(refNo + "/" + order.getAttribute("data-supplier").toUpperCase(), expected);
            }
        }
        return dates;
    }

    /** The order of this customer the notice names: its number, factory and new date. */
    private static String[] movedOrderOf(String notice, Map<String, String> expectedByOrder) {
        Matcher matcher = MOVED.matcher(notice);
        while (matcher.find()) {
            if (expectedByOrder.containsKey(matcher.group(1) + "/" + matcher.group(2))) {
                return new String[] {matcher.group(1), matcher.group(2), matcher.group(3)};
            }
        }
        throw new AssertionError("The notice names none of the customer's orders: " + notice);
    }

    private void signInAsTheDemoAdmin() {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("admin@example.com");
        browser.findElement(By.id("email")).submit();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/desk"));
    }

    /** The demo mail page's mail to that address whose subject starts so, once it has arrived. */
    private WebElement mailTo(String address, String subjectStart) {
        browser.get(url("/staff/demo-mail"));
        return wait.until(driver -> {
            // Mail waits in the outbox for the sender's next round; the page's button delivers it now.
            press("Deliver waiting mail now");
            return mailsTo(address).stream().filter(mail -> subject(mail).startsWith(subjectStart)).findFirst()
                    .orElse(null);
        });
    }

    private List<WebElement> mailsTo(String address) {
        return browser.findElements(By.cssSelector("main section.card[aria-labelledby^='mail-']")).stream()
                .filter(mail -> mail.findElement(By.tagName("p")).getText().startsWith("To " + address))
                .toList();
    }

    private static String subject(WebElement mail) {
        return mail.findElement(By.tagName("h2")).getText();
    }

    private static String linkIn(WebElement mail, String path) {
        return mail.findElements(By.cssSelector("li a")).stream().map(link -> link.getAttribute("href"))
                .filter(href -> href.contains(path)).findFirst()
                .orElseThrow(() -> new AssertionError("No link to " + path + " in: " + mail.getText()));
    }

    private void press(String button) {
        WebElement found = browser.findElement(By.xpath("//button[starts-with(normalize-space(), \"" + button + "\")]"));
        scrollTo(found);
        found.click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void assertNoSidewaysScrolling(String what) {
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as(what + ": sideways scrolling at 390 px (px)").isLessThanOrEqualTo(0);
    }

    /** WCAG 2.1 A and AA rules of axe-core, as the other browser tests check. */
    private List<String> violations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().size() + " element(s)")
                .toList();
    }

    /** A screenshot to look at, kept only when asked for ({@code -Deta.browser.views=true}). */
    private void view(String name) {
        if (Boolean.getBoolean("eta.browser.views")) {
            screenshot("views/" + name);
        }
    }

    private void screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^\\w/]+", "_") + ".png");
            Files.createDirectories(file.getParent());
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The test's own failure matters more than a missing screenshot.
        }
    }
}
