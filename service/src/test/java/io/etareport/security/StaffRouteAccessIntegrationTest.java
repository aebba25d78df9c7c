package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Who may open what: every staff route for someone not signed in, a plain user and an admin.
 * "login" means a redirect to the sign-in page, "redirect" a redirect elsewhere (a form that
 * worked). Every signed-in request claims ROLE_ADMIN from its sign-in; only the users table may
 * decide, so the plain user's 403s show the role is read per request.
 */
@StaffWebTest
class StaffRouteAccessIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;

    private long customer;
    private long target;
    private long mapping;

    @BeforeEach
    void data() {
        Staff.reset(db);
        target = Staff.add(db, "target@staff.test", "Tess Target", "user", true);
        db.sql("DELETE FROM customers").update();
        db.sql("INSERT INTO customers (dd_name, obfuscated_id, field_type, display_name)"
                + " VALUES ('Acme', '0123456789abcdef0123456789abcdef', 'Customer Name', 'Acme')").update();
        customer = db.sql("SELECT id FROM customers").query(Long.class).single();
        db.sql("DELETE FROM status_mapping").update();
        db.sql("INSERT INTO status_mapping (odata_status, custom_status, active) VALUES ('Cutting', 'Cutting', 1)")
                .update();
        mapping = db.sql("SELECT id FROM status_mapping").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {3}, user {4}, admin {5}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /admin                          |                                                   | login | 200      | 200
            GET  | /desk                           |                                                   | login | 200      | 200
            GET  | /desk?customer={customer}&state=overdue&factory=DD&q=1 |                     | login | 200      | 200
            GET  | /desk/desk.csv                  |                                                   | login | 200      | 200
            GET  | /desk/customers?sort=opens&only=never-opened |                              | login | 200      | 200
            POST | /desk/refresh/{customer}        |                                                   | login | redirect | redirect
            POST | /desk/refresh/999999            |                                                   | login | 404      | 404
            GET  | /orders                         |                                                   | login | 200      | 200
            GET  | /orders?number=123              |                                                   | login | 200      | 200
            POST | /admin                          | displayName=New&ddName=New+DD&fieldType=Customer+Name | login | 403 | redirect
            GET  | /admin/edit/{customer}          |                                                   | login | 403      | 200
            POST | /admin/edit/{customer}          | ddName=Acme+2&fieldType=Customer+Name             | login | 403      | redirect
            GET  | /admin/delete/{customer}        |                                                   | login | 403      | 200
            POST | /admin/delete/{customer}        |                                                   | login | 403      | redirect
            GET  | /admin/link/{customer}          |                                                   | login | 403      | 200
            POST | /admin/link/{customer}          |                                                   | login | 403      | redirect
            POST | /admin/pause/{customer}         |                                                   | login | 403      | redirect
            POST | /admin/resume/{customer}        |                                                   | login | 403      | redirect
            GET  | /audit                          |                                                   | login | 403      | 200
            GET  | /audit.csv                      |                                                   | login | 403      | 200
            GET  | /audit?person=x&page=2          |                                                   | login | 403      | 200
            GET  | /manage_users                   |                                                   | login | 403      | 200
            POST | /manage_users                   | email={unique}&name=New&role=user                 | login | 403      | redirect
            GET  | /manage_users/edit/{target}     |                                                   | login | 403      | 200
            POST | /manage_users/edit/{target}     | email=target@staff.test&name=Tess&role=user       | login | 403      | redirect
            POST | /manage_users/toggle/{target}   |                                                   | login | 403      | redirect
            GET  | /manage_users/delete/{target}   |                                                   | login | 403      | 200
            POST | /manage_users/delete/{target}   |                                                   | login | 403      | redirect
            GET  | /status_mapping                 |                                                   | login | 200      | 200
            GET  | /status_mapping/edit/{mapping}  |                                                   | login | 200      | 200
            POST | /status_mapping/edit/{mapping}  | customStatus=Being+cut&active=true                | login | redirect | redirect
            POST | /refresh_statuses               |                                                   | login | 403      | redirect
            GET  | /columns                        |                                                   | login | 403      | 200
            POST | /columns/approve                | name=Width                                        | login | 403      | redirect
            POST | /columns/approve                | name=UnitCost                                     | login | 403      | 400
            POST | /columns/hold-back              | name=Width                                        | login | 403      | redirect
            GET  | /columns/no-such-page           |                                                   | login | 403      | 404
            GET  | /jobs-schedule/DD/123           |                                                   | 401   | 200      | 200
            GET  | /wip/CBR/123                    |                                                   | 401   | 200      | 200
            GET  | /sentry-debug                   |                                                   | login | 403      | 200
            GET  | /logout                         |                                                   | login | 200      | 200
            GET  | /staff/no-such-page             |                                                   | login | 403      | 404
            GET  | /staff/webhooks                 |                                                   | login | 403      | 200
            POST | /staff/webhooks                 | url=ftp%3A%2F%2Fx.test%2F&events=order.ready      | login | 403      | 200
            GET  | /staff/webhooks/999999          |                                                   | login | 403      | 404
            POST | /staff/webhooks/999999/rotate   |                                                   | login | 403      | 404
            POST | /staff/webhooks/999999/switch-on |                                                  | login | 403      | 404
            POST | /staff/webhooks/999999/delete   |                                                   | login | 403      | 404
            GET  | /no/such/page                   |                                                   | login | 404      | 404
            GET  | /actuator/env                   |                                                   | 401   | 403      | 403
            GET  | /actuator/health                |                                                   | 200   | 200      | 200
            GET  | /login                          |                                                   | 200   | redirect | redirect
            GET  | /css/app.css                    |                                                   | 200   | 200      | 200
            GET  | /js/staff.js                    |                                                   | 200   | 200      | 200
            """)
    void eachRouteAnswersEachKindOfVisitorAsExpected(String method, String path, String body, String anonymous,
                                                     String user, String admin) throws Exception {
        assertThat(outcome(method, path, body, null)).as("anonymous").isEqualTo(anonymous);
        data();
        assertThat(outcome(method, path, body, Staff.USER)).as("user").isEqualTo(user);
        data();
        assertThat(outcome(method, path, body, Staff.ADMIN)).as("admin").isEqualTo(admin);
    }

    private String outcome(String method, String path, String body, String email) throws Exception {
        String url = path.replace("{customer}", String.valueOf(customer)).replace("{target}", String.valueOf(target))
                .replace("{mapping}", String.valueOf(mapping));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url)
                .accept("text/html");
        if (url.startsWith("/jobs-schedule") || url.startsWith("/wip") || url.startsWith("/actuator")) {
            request.accept("application/json");
        }
        if (body != null) {
            request.contentType("application/x-www-form-urlencoded")
                    .content(body.replace("{unique}", UUID.randomUUID() + "@staff.test"));
        }
        if (method.equals("POST")) {
            request.with(csrf());
        }
        if (email != null) {
            request.with(Staff.signedInAs(email));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() == 302) {
            return response.getRedirectedUrl().endsWith("/login") ? "login" : "redirect";
        }
        return String.valueOf(response.getStatus());
    }
}
