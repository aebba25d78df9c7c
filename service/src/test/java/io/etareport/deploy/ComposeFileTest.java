package io.etareport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/compose.yaml parses, and names only services, volumes and variables that exist: each node's variables are
 * ones the service reads (a placeholder in its application*.yml, or the environment form of a property some
 * metadata on the classpath declares), every variable the file takes from the operator is in the example env file,
 * and the Caddyfile proxies to the nodes' ports.
 */
class ComposeFileTest {

    private static final Path COMPOSE = DeployFiles.DIRECTORY.resolve("compose.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Read by the JVM or by our own code before Spring binds anything (ops.AppEnvironment). */
    private static final Set<String> READ_OUTSIDE_PROPERTIES = Set.of("APP_ENV", "SPRING_PROFILES_ACTIVE",
            "JAVA_TOOL_OPTIONS", "SENTRY_DISABLED");
    /** The postgres image's documented variables. */
    private static final Set<String> POSTGRES_IMAGE = Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");

    private static Map<String, Object> compose;
    private static final Set<String> SERVICE_READS = new HashSet<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(COMPOSE));
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:application*.yml")) {
            if (file.getDescription().contains("target/classes")) {
                Matcher matcher = PLACEHOLDER.matcher(file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
                while (matcher.find()) {
                    SERVICE_READS.add(matcher.group(1));
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(ComposeFileTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    SERVICE_READS.add(property.path("name").asString().replace(".", "_").replace("-", "")
                            .toUpperCase(Locale.ROOT));
                }
            }
        }
        SERVICE_READS.addAll(READ_OUTSIDE_PROPERTIES);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void twoNodesOnePostgresAndAProxyEachWithAHealthCheck() {
        assertThat(services()).containsOnlyKeys("postgres", "node1", "node2", "caddy");
        services().forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesAndVolumesNameWhatExists() {
        Set<String> volumes = ((Map<String, Object>) compose.get("volumes")).keySet();
        services().forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> map) {
                assertThat(services().keySet()).as(name).containsAll((Set<String>) map.keySet());
            }
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(volumes).as(name + " volume").contains(source);
                } else {
                    assertThat(COMPOSE.getParent().resolve(source)).as(name + " file").exists();
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachNodeIsGivenOnlyVariablesTheServiceReads() {
        for (String node : List.of("node1", "node2")) {
            Set<String> given = ((Map<String, Object>) services().get(node).get("environment")).keySet();
            assertThat(given).as(node).contains("DATABASE_URL", "GOOGLE_CLIENT_ID", "SERVER_NAME");
            TreeSet<String> unknown = new TreeSet<>(given);
            unknown.removeAll(SERVICE_READS);
            assertThat(unknown).as(node + ": variables nothing reads").isEmpty();
        }
        assertThat(((Map<String, Object>) services().get("postgres").get("environment")).keySet())
                .isSubsetOf(POSTGRES_IMAGE);
    }

    @Test
    void theCheckAboveKnowsAStaleVariable() {
        assertThat(SERVICE_READS).contains("DATABASE_URL", "MANAGEMENT_SERVER_PORT", "SENTRY_DSN", "BUZ_DD_USERNAME")
                .doesNotContain("FLASK_SECRET", "ETA_SCHEDULE_ZONE", "BUZ_DD_TOKEN");
    }

    @Test
    void everyVariableTheFileTakesFromTheOperatorIsInTheExampleEnvFile() throws IOException {
        String example = Files.readString(DeployFiles.DIRECTORY.resolve("eta-report.env.example"));
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(COMPOSE));
        Set<String> taken = new TreeSet<>();
        while (matcher.find()) {
            taken.add(matcher.group(1));
        }
        assertThat(taken).isNotEmpty().allSatisfy(name ->
                assertThat(example).as(name).containsPattern("(?m)^#? ?" + name + "="));
    }

    @Test
    void theProxySendsTrafficToTheNodesPortsAndChecksTheirReadiness() throws IOException {
        String caddyfile = Files.readString(DeployFiles.DIRECTORY.resolve("Caddyfile"));

        assertThat(caddyfile).contains("node1:8080", "node2:8080", "health_uri /actuator/health/readiness",
                "health_port 8081");
        assertThat(Files.readString(COMPOSE)).contains("MANAGEMENT_SERVER_PORT: \"8081\"");
    }
}
