package io.etareport.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Lint rules for the OpenAPI document, named after Spectral's {@code spectral:oas} recommended ruleset: the rules
 * that ruleset reports as errors and that a parser does not already check ({@code operation-operationId-unique},
 * {@code path-params}; {@code oas3-schema} is swagger-parser's validation), and the warnings we hold the document to
 * as well ({@code operation-operationId}, {@code operation-success-response}, {@code operation-description},
 * {@code operation-tags}, {@code operation-tag-defined}, {@code tag-description}, {@code operation-parameters},
 * {@code path-keys-no-trailing-slash}, {@code path-not-include-query}, {@code info-description},
 * {@code oas3-api-servers}, {@code oas3-unused-component}). Each problem names its rule first.
 */
final class OpenApiLint {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private OpenApiLint() {
    }

    static List<String> problems(OpenAPI api) {
        List<String> problems = new ArrayList<>();
        if (api.getInfo() == null || blank(api.getInfo().getDescription())) {
            problems.add("info-description: the document has no description");
        }
        if (api.getServers() == null || api.getServers().isEmpty()) {
            problems.add("oas3-api-servers: no servers");
        }
        Set<String> tagsDefined = new HashSet<>();
        if (api.getTags() != null) {
            for (Tag tag : api.getTags()) {
                tagsDefined.add(tag.getName());
                if (blank(tag.getDescription())) {
                    problems.add("tag-description: tag " + tag.getName() + " has no description");
                }
            }
        }
        Map<String, String> operationIds = new HashMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> {
                if (path.length() > 1 && path.endsWith("/")) {
                    problems.add("path-keys-no-trailing-slash: " + path);
                }
                if (path.contains("?")) {
                    problems.add("path-not-include-query: " + path);
                }
                item.readOperationsMap().forEach((method, operation) ->
                        operation(problems, operationIds, tagsDefined, path, item, method, operation));
            });
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            String whole = io.swagger.v3.core.util.Json31.pretty(api.getPaths());
            api.getComponents().getSchemas().keySet().forEach(name -> {
                if (!whole.contains("\"#/components/schemas/" + name + "\"")
                        && !referencedFromSchemas(api, name)) {
                    problems.add("oas3-unused-component: schema " + name);
                }
            });
        }
        return problems;
    }

    private static void operation(List<String> problems, Map<String, String> operationIds, Set<String> tagsDefined,
                                  String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        String where = method + " " + path;
        if (blank(operation.getOperationId())) {
            problems.add("operation-operationId: " + where);
        } else {
            String before = operationIds.putIfAbsent(operation.getOperationId(), where);
            if (before != null) {
                problems.add("operation-operationId-unique: " + operation.getOperationId() + " on " + before
                        + " and " + where);
            }
        }
        if (operation.getResponses() == null || operation.getResponses().keySet().stream()
                .noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
            problems.add("operation-success-response: " + where);
        }
        if (blank(operation.getDescription()) && blank(operation.getSummary())) {
            problems.add("operation-description: " + where);
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add("operation-tags: " + where);
        } else if (!tagsDefined.isEmpty()) {
            operation.getTags().stream().filter(tag -> !tagsDefined.contains(tag))
                    .forEach(tag -> problems.add("operation-tag-defined: " + tag + " on " + where));
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Set<String> seen = new HashSet<>();
        Set<String> pathParameters = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.getIn() + ":" + parameter.getName())) {
                problems.add("operation-parameters: " + parameter.getName() + " twice on " + where);
            }
            if ("path".equals(parameter.getIn())) {
                pathParameters.add(parameter.getName());
                if (!Boolean.TRUE.equals(parameter.getRequired())) {
                    problems.add("path-params: " + parameter.getName() + " must be required on " + where);
                }
            }
        }
        Set<String> templated = new HashSet<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            if (!templated.add(matcher.group(1))) {
                problems.add("path-params: " + matcher.group(1) + " appears twice in " + path);
            }
        }
        for (String name : templated) {
            if (!pathParameters.contains(name)) {
                problems.add("path-params: " + name + " is not defined on " + where);
            }
        }
        for (String name : pathParameters) {
            if (!templated.contains(name)) {
                problems.add("path-params: " + name + " is not in the path " + where);
            }
        }
    }

    private static boolean referencedFromSchemas(OpenAPI api, String name) {
        String schemas = io.swagger.v3.core.util.Json31.pretty(api.getComponents().getSchemas());
        return schemas.contains("\"#/components/schemas/" + name + "\"");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
