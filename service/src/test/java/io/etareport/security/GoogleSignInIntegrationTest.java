package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole sign-in, as a browser goes through it: our sign-in page, the identity provider
 * (a real OpenID Connect server standing in for Google), the code exchange, and the staff pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StaffTestConfig.class)
class GoogleSignInIntegrationTest extends TestOidcServer {

    private static final String SESSION_COOKIE = "ETA_SESSION";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    final Browser browser = new Browser();

    @BeforeEach
    void staff() {
        Staff.reset(db);
        db.sql("DELETE FROM audit_log").update();
    }

    @Test
    void anActiveAdminSignsInWithGoogleAndLandsOnThePageTheyAskedFor() throws Exception {
        HttpResponse<String> signInPage = browser.open(url("/manage_users"));
        assertThat(signInPage.uri().getPath()).isEqualTo("/login");
        assertThat(signInPage.body()).contains("Sign in with Google");

        HttpResponse<String> page = signInWithGoogle(Staff.ADMIN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/manage_users");
        assertThat(page.body()).contains("Who can sign in").contains("Ada Admin");
        assertThat(browser.visited()).anyMatch(uri -> uri.getPort() == OIDC.baseUrl().port());
        assertThat(browser.hasCookie(SESSION_COOKIE)).isTrue();
        assertThat(signIns()).containsExactly(Staff.ADMIN + " signed in");
    }

    @Test
    void aGoogleAccountThatIsNotStaffIsRefusedAndGetsNoSession() throws Exception {
        HttpResponse<String> page = signInWithGoogle("stranger@example.com");

        assertThat(browser.visited()).anyMatch(uri -> uri.getPath().equals("/login/oauth2/code/google"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You don’t have access to this page");
        assertHasNoSession();
        assertThat(signIns()).containsExactly("stranger@example.com refused");
    }

    @Test
    void anInactiveUserIsRefusedAndGetsNoSession() throws Exception {
        Staff.add(db, "former@staff.test", "Former", "admin", false);

        HttpResponse<String> page = signInWithGoogle("former@staff.test");

        assertThat(page.statusCode()).isEqualTo(403);
        assertHasNoSession();
    }

    @Test
    void anAddressGoogleHasNotVerifiedIsRefused() throws Exception {
        nextGoogleAccount(Staff.ADMIN, false);

        HttpResponse<String> page = browser.open(url("/oauth2/authorization/google"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertHasNoSession();
    }

    /** Only an explicit {@code email_verified=true} proves the address; a token without the claim proves nothing. */
    @Test
    void anIdTokenWithoutEmailVerifiedIsRefused() throws Exception {
        nextAccountWithoutEmailVerified(Staff.ADMIN);

        HttpResponse<String> page = browser.open(url("/oauth2/authorization/google"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertHasNoSession();
    }

    @Test
    void emailsAreComparedIgnoringCase() throws Exception {
        HttpResponse<String> page = signInWithGoogle("ADMIN@Staff.Test");

        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void someoneDeactivatedWhileSignedInLosesAccessAtTheirNextRequest() throws Exception {
        assertThat(signInWithGoogle(Staff.USER).statusCode()).isEqualTo(200);
        assertThat(browser.open(url("/status_mapping")).statusCode()).isEqualTo(200);

        db.sql("UPDATE users SET active = 0 WHERE email = ?").param(Staff.USER).update();

        HttpResponse<String> next = browser.open(url("/status_mapping"));
        assertThat(next.uri().getPath()).isEqualTo("/login");

        // Their session is gone for good: being made active again means signing in again.
        db.sql("UPDATE users SET active = 1 WHERE email = ?").param(Staff.USER).update();
        assertThat(browser.open(url("/status_mapping")).uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aChangeOfRoleAppliesAtTheNextRequest() throws Exception {
        assertThat(signInWithGoogle(Staff.USER).statusCode()).isEqualTo(200);
        assertThat(browser.open(url("/manage_users")).statusCode()).isEqualTo(403);

        db.sql("UPDATE users SET role = 'admin' WHERE email = ?").param(Staff.USER).update();

        assertThat(browser.open(url("/manage_users")).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        HttpResponse<String> page = signInWithGoogle(Staff.ADMIN);

        HttpResponse<String> afterSignOut = browser.submit(url("/logout"), page, "");

        assertThat(afterSignOut.uri().getPath()).isEqualTo("/login");
        assertThat(afterSignOut.body()).contains("You have signed out.");
        assertThat(browser.open(url("/admin")).uri().getPath()).isEqualTo("/login");
    }

    HttpResponse<String> signInWithGoogle(String email) throws Exception {
        nextGoogleAccount(email, true);
        return browser.open(url("/oauth2/authorization/google"));
    }

    /** The audit log's sign-in entries, oldest first, as "who action". */
    private java.util.List<String> signIns() {
        return db.sql("SELECT actor || ' ' || action FROM audit_log WHERE entity = 'sign-in' ORDER BY id")
                .query(String.class).list();
    }

    private void assertHasNoSession() throws Exception {
        assertThat(browser.hasCookie(SESSION_COOKIE)).as("session cookie").isFalse();
        assertThat(browser.open(url("/admin")).uri().getPath()).isEqualTo("/login");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
