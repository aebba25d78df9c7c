package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.etareport.security.Staff;
import io.etareport.security.StaffWebTest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes the whole API: a route added without it fails here. */
@StaffWebTest
class OpenApiDocumentIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    ApiKeys keys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void staff() {
        Staff.reset(db);
    }

    @Test
    void theDocumentIsValidOpenApi31AndListsEveryApiRouteWithItsKeyAndErrors() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(Staff.signedInAs(Staff.USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, null);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");

        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/v1/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + pattern.replaceAll("\\{(\\w+)[^}]*}", "{$1}")))));
        assertThat(served).hasSizeGreaterThanOrEqualTo(12);
        assertThat(documented).isEqualTo(served);

        assertThat(api.getComponents().getSecuritySchemes().get(OpenApiConfig.KEY_SCHEME).getName())
                .isEqualTo("X-API-Key");
        assertThat(api.getComponents().getSchemas()).containsKey("JsonError");
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getResponses()).as(method + " " + path).containsKeys("405", "500");
            if (!path.equals("/api/v1/health")) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKeys("401", "403", "429");
            }
        }));
        assertThat(api.getPaths().get("/api/v1/health").getGet().getSecurity()).isEmpty();
        assertThat(document.toLowerCase(Locale.ROOT)).doesNotContain("/admin", "/manage_users");
    }

    @Test
    void integratorsFetchTheDocumentWithAValidKey() throws Exception {
        String key = keys.create("client-generator", 0, "test").secret();

        mvc.perform(get("/v3/api-docs").header("X-API-Key", key)).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").header("X-API-Key", "not-a-key")).andExpect(status().isForbidden());
        // The key opens the document only, not the staff pages around it.
        mvc.perform(get("/swagger-ui/index.html").header("X-API-Key", key)).andExpect(status().is3xxRedirection());
    }

    /** The rules are listed in {@link OpenApiLint}. */
    @Test
    void theDocumentPassesTheLintRules() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(Staff.signedInAs(Staff.USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, null).getOpenAPI();

        assertThat(OpenApiLint.problems(api)).isEmpty();
    }

    /** (swagger-parser gives a document without servers the server "/", so oas3-api-servers is not shown here.) */
    @Test
    void theLintRulesCatchWhatTheyDescribe() {
        OpenAPI broken = new OpenAPIV3Parser().readContents("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                + "\"paths\":{\"/a/{id}/\":{\"get\":{\"operationId\":\"same\",\"responses\":{\"404\":{\"description\":\"x\"}}}},"
                + "\"/b\":{\"get\":{\"operationId\":\"same\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}",
                null, null).getOpenAPI();

        assertThat(OpenApiLint.problems(broken))
                .anyMatch(p -> p.startsWith("operation-operationId-unique"))
                .anyMatch(p -> p.startsWith("path-params"))
                .anyMatch(p -> p.startsWith("path-keys-no-trailing-slash"))
                .anyMatch(p -> p.startsWith("operation-success-response"))
                .anyMatch(p -> p.startsWith("info-description"))
                .anyMatch(p -> p.startsWith("operation-tags"));
    }

    @Test
    void theDocumentAndTheSwaggerUiAreForSignedInStaffAndServedFromTheJar() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
        String ui = mvc.perform(get("/swagger-ui/index.html").with(Staff.signedInAs(Staff.USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ui).contains("swagger-ui").doesNotContain("https://");
    }
}
