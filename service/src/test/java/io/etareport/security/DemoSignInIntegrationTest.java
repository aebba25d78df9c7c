package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's sign-in: an email form, no Google, the seeded demo staff, and the same rules after it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class DemoSignInIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInPageOffersTheDemoFormAndNoGoogleButton() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Demo sign-in").contains("action=\"/login/demo\"").contains("name=\"_csrf\"")
                .contains(DemoSignIn.ADMIN).doesNotContain("Sign in with Google");
    }

    @Test
    void theEmailFieldIsEmptyWithTheAdminAsPlaceholder() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        String field = page.substring(page.indexOf("<input id=\"email\""));
        field = field.substring(0, field.indexOf('>'));

        assertThat(field).contains("placeholder=\"" + DemoSignIn.ADMIN + "\"").doesNotContain("value=");
    }

    @Test
    void afterSignInTheAddressHasNoContinueMarker() throws Exception {
        var wanted = mvc.perform(get("/status_mapping").accept("text/html")).andReturn();
        assertThat(wanted.getResponse().getRedirectedUrl()).endsWith("/login");
        // The page asked for is remembered in a cookie: a signed-out visitor gets no server session.
        assertThat(wanted.getRequest().getSession(false)).isNull();
        jakarta.servlet.http.Cookie remembered = wanted.getResponse().getCookie("REDIRECT_URI");
        assertThat(remembered).isNotNull();

        var signIn = mvc.perform(post("/login/demo").param("email", DemoSignIn.ADMIN).cookie(remembered).with(csrf()))
                .andReturn();

        assertThat(signIn.getResponse().getRedirectedUrl()).endsWith("/status_mapping").doesNotContain("continue");
    }

    @Test
    void theSeededAdminSignsInWithJustTheirEmail() throws Exception {
        var signIn = mvc.perform(post("/login/demo").param("email", DemoSignIn.ADMIN).with(csrf())).andReturn();

        assertThat(signIn.getResponse().getStatus()).isEqualTo(302);
        assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/desk");
        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
        assertThat(mvc.perform(get("/manage_users").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theSeededUserHasTheUserRole() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login/demo").param("email", DemoSignIn.USER)
                .with(csrf())).andReturn().getRequest().getSession(false);

        assertThat(mvc.perform(get("/admin").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/manage_users").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void anEmailThatIsNotStaffIsRefusedWithoutASession() throws Exception {
        var result = mvc.perform(post("/login/demo").param("email", "stranger@example.com").with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void demoSignInRefusesToRunBesideARealEnvironment() {
        assertThatThrownBy(() -> DemoSignIn.refuseBesideRealEnvironment(new String[]{"demo", "prod"}))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DemoSignIn.refuseBesideRealEnvironment(new String[]{"staging", "demo"}))
                .isInstanceOf(IllegalStateException.class);
        DemoSignIn.refuseBesideRealEnvironment(new String[]{"demo", "test"});
    }
}
