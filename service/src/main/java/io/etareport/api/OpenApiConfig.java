package io.etareport.api;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1} at {@code /v3/api-docs}: the key scheme, and on every
 * operation the original's error bodies it may answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI etaReportApi() {
        return new OpenAPI()
                .info(new Info().title("ETA Report API").version("v1").description(
                        "The original service's JSON API, kept call for call. Send a key in X-API-Key: the"
                                + " BUZ_API_KEY setting or a named key an admin created. Answers are {\"data\": ...};"
                                + " errors are RFC 9457 problem details (application/problem+json) that also carry the"
                                + " original's members: {\"error\": \"message\", \"code\": \"CODE\"}."))
                .components(new Components().addSecuritySchemes(KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList(KEY_SCHEME));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return api -> {
            Map<String, Schema> schemas = ModelConverters.getInstance(true).read(io.etareport.ops.JsonError.class);
            schemas.forEach(api.getComponents()::addSchemas);
            Schema<?> error = new Schema<>().$ref("#/components/schemas/JsonError");
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean keyed = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
                ApiResponses responses = operation.getResponses();
                if (keyed) {
                    add(responses, "401", "No X-API-Key header (UNAUTHORIZED)", error);
                    add(responses, "403", "Unknown or revoked key (FORBIDDEN)", error);
                    add(responses, "429", "Over the key's per-minute limit (RATE_LIMITED); see Retry-After", error);
                }
                if (path.contains("{")) {
                    add(responses, "404", "No such customer or job (NOT_FOUND)", error);
                }
                if (hasBody(operation)) {
                    add(responses, "400", "The body is not JSON (BAD_REQUEST)", error);
                    add(responses, "422", "The body breaks a rule (VALIDATION_ERROR)", error);
                }
                if (path.endsWith("/download")) {
                    add(responses, "400", "Unsupported format (BAD_REQUEST)", error);
                }
                add(responses, "405", "Method not allowed (METHOD_NOT_ALLOWED)", error);
                add(responses, "500", "Unexpected failure (SERVER_ERROR)", error);
            }));
        };
    }

    private static boolean hasBody(Operation operation) {
        return operation.getRequestBody() != null;
    }

    private static void add(ApiResponses responses, String status, String description, Schema<?> schema) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(
                    new Content().addMediaType("application/problem+json", new MediaType().schema(schema))));
        }
    }
}
