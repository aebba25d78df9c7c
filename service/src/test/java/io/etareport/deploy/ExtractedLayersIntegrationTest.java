package io.etareport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deploy/Dockerfile does, without a container runtime: Boot's {@code -Djarmode=tools extract --layers} splits
 * the built jar, the four layers are copied into one folder in the Dockerfile's order, and {@code java -jar} on the
 * extracted application starts and answers its health checks. One start, to stay within CI's time.
 */
class ExtractedLayersIntegrationTest {

    static final Path JAR = Path.of("target/eta-report.jar");
    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    @TempDir
    Path dir;

    @Test
    void theExtractedLayersStartAndServe() throws Exception {
        assumeThat(Files.exists(JAR) || DeployFiles.underCi())
                .as("no " + JAR + ": run ./mvnw -B -pl service -am package -DskipTests first").isTrue();
        assertThat(JAR).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path extracted = dir.resolve("extracted");
        assertThat(run(List.of(java, "-Djarmode=tools", "-jar", JAR.toAbsolutePath().toString(), "extract",
                "--layers", "--destination", extracted.toString()), Map.of())).isZero();
        assertThat(LAYERS).allSatisfy(layer -> assertThat(extracted.resolve(layer)).isDirectory());
        Path application = dir.resolve("application");
        for (String layer : LAYERS) {
            copy(extracted.resolve(layer), application);
        }
        assertThat(application.resolve("eta-report.jar")).exists();
        assertThat(application.resolve("lib")).isDirectoryContaining(file -> file.getFileName().toString()
                .startsWith("spring-boot-4"));

        int port = freePort();
        int management = freePort();
        // The settings a real start checks: development, a fresh SQLite file, credentials never used here.
        Process service = configured(new ProcessBuilder(java, "-Xmx256m", "-jar", "eta-report.jar"), port, management)
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            // Generous: a start takes seconds on an idle machine, minutes on a crowded one.
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                    .failFast("the service stopped", () -> !service.isAlive())
                    .until(() -> status(http, "http://127.0.0.1:" + management + "/actuator/health/readiness") == 200);
            assertThat(status(http, "http://127.0.0.1:" + port + "/api/v1/health")).isEqualTo(200);
            assertThat(status(http, "http://127.0.0.1:" + port + "/robots.txt")).isEqualTo(200);
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        assertThat(Files.readString(dir.resolve("service.log"))).contains("Started EtaReportApplication");
    }

    private ProcessBuilder configured(ProcessBuilder builder, int port, int management) {
        Map<String, String> env = builder.environment();
        env.put("APP_ENV", "development");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
        env.put("DATABASE", dir.resolve("data/eta-report.db").toString());
        env.put("SENTRY_DISABLED", "1");
        for (String name : List.of("GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "BUZ_DD_USERNAME", "BUZ_DD_PASSWORD",
                "BUZ_CBR_USERNAME", "BUZ_CBR_PASSWORD")) {
            env.put(name, "layers-test");
        }
        env.put("BUZ_DD_URL", "http://127.0.0.1:9/reports/DESDR");
        env.put("BUZ_CBR_URL", "http://127.0.0.1:9/reports/WATSO");
        return builder;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
