package io.etareport.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@StaffWebTest
class ManageUsersIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    private long admin;
    private long user;

    @BeforeEach
    void data() {
        Staff.reset(db);
        admin = idOf(Staff.ADMIN);
        user = idOf(Staff.USER);
    }

    @Test
    void anAdminAddsAUserWhoseEmailIsStoredInLowerCase() throws Exception {
        MockHttpServletResponse response = send(post("/manage_users").param("email", " New.Person@Example.COM ")
                .param("name", "New Person").param("role", "admin"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/manage_users");
        assertThat(row("new.person@example.com")).isEqualTo("new.person@example.com|New Person|admin|1");
        assertThat(mvc.perform(get("/manage_users").with(Staff.signedInAs(Staff.ADMIN))).andReturn().getResponse()
                .getContentAsString()).contains("new.person@example.com").contains("New Person");
    }

    @Test
    void anEmailAlreadyOnTheListIsRefusedWithAMessageWhateverItsCase() throws Exception {
        MockHttpServletResponse response = send(post("/manage_users").param("email", "USER@staff.test")
                .param("name", "Again").param("role", "user"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Someone with this email is already a user.");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void changingSomeonesEmailToOneOnTheListIsRefusedToo() throws Exception {
        MockHttpServletResponse response = send(post("/manage_users/edit/" + user).param("email", Staff.ADMIN)
                .param("name", "Uma").param("role", "user"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Someone with this email is already a user.");
        assertThat(row(Staff.USER)).isEqualTo("user@staff.test|Uma User|user|1");
    }

    @Test
    void theFormChecksEmailNameAndRole() throws Exception {
        MockHttpServletResponse response = send(post("/manage_users").param("email", "no-at-sign")
                .param("name", " ").param("role", "owner"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Enter an email address like name@example.com.")
                .contains("Enter a name.").contains("Choose admin or user.");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void anAdminEditsAUser() throws Exception {
        MockHttpServletResponse response = send(post("/manage_users/edit/" + user).param("email", "uma@staff.test")
                .param("name", "Uma Renamed").param("role", "admin"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/manage_users");
        assertThat(row("uma@staff.test")).isEqualTo("uma@staff.test|Uma Renamed|admin|1");
    }

    @Test
    void deactivatingAndActivatingAgain() throws Exception {
        send(post("/manage_users/toggle/" + user));
        assertThat(row(Staff.USER)).endsWith("|0");

        send(post("/manage_users/toggle/" + user));
        assertThat(row(Staff.USER)).endsWith("|1");
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedDemotedOrDeleted() throws Exception {
        MvcResult deactivate = mvc.perform(post("/manage_users/toggle/" + admin)
                .with(Staff.signedInAs(Staff.ADMIN)).with(csrf())).andReturn();
        MockHttpServletResponse demote = send(post("/manage_users/edit/" + admin).param("email", Staff.ADMIN)
                .param("name", "Ada").param("role", "user"));
        MvcResult delete = mvc.perform(post("/manage_users/delete/" + admin)
                .with(Staff.signedInAs(Staff.ADMIN)).with(csrf())).andReturn();

        assertThat(deactivate.getResponse().getRedirectedUrl()).isEqualTo("/manage_users");
        assertThat(deactivate.getFlashMap().get("problem")).isEqualTo(UserAdministration.LAST_ADMIN);
        assertThat(demote.getStatus()).isEqualTo(400);
        assertThat(demote.getContentAsString()).contains("There must always be at least one active admin.");
        assertThat(delete.getFlashMap().get("problem")).isEqualTo(UserAdministration.LAST_ADMIN);
        assertThat(row(Staff.ADMIN)).isEqualTo("admin@staff.test|Ada Admin|admin|1");
    }

    @Test
    void anInactiveAdminDoesNotCountAsTheOneThatMustRemain() throws Exception {
        Staff.add(db, "sleeping@staff.test", "Sleeping Admin", "admin", false);

        send(post("/manage_users/toggle/" + admin));

        assertThat(row(Staff.ADMIN)).endsWith("|1");
    }

    @Test
    void withAnotherActiveAdminAnAdminMayStepDownAndIsSentToAPageTheyStillMayOpen() throws Exception {
        Staff.add(db, "second@staff.test", "Second Admin", "admin", true);

        MockHttpServletResponse response = send(post("/manage_users/edit/" + admin).param("email", Staff.ADMIN)
                .param("name", "Ada").param("role", "user"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(row(Staff.ADMIN)).isEqualTo("admin@staff.test|Ada|user|1");
    }

    @Test
    void deletingAsksFirstThenRemovesTheUser() throws Exception {
        String question = mvc.perform(get("/manage_users/delete/" + user).with(Staff.signedInAs(Staff.ADMIN)))
                .andReturn().getResponse().getContentAsString();
        send(post("/manage_users/delete/" + user));

        assertThat(question).contains("Delete <span>user@staff.test</span>?");
        assertThat(count()).isEqualTo(1);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Staff.signedInAs(Staff.ADMIN)).with(csrf())).andReturn().getResponse();
    }

    private long idOf(String email) {
        return db.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
    }

    private String row(String email) {
        return db.sql("SELECT email || '|' || name || '|' || role || '|' || active FROM users WHERE email = ?")
                .param(email).query(String.class).single();
    }

    private int count() {
        return db.sql("SELECT count(*) FROM users").query(Integer.class).single();
    }
}
