package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Over real HTTP: what one client sends or holds open cannot exhaust the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "server.tomcat.threads.max=20"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ClientLimitsIntegrationTest {

    private static final String LINK = "0123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /** Sends the head and the first bytes of a body, then reads what the server answers. */
    private String send(String head, byte[] firstBytes) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(firstBytes);
            out.flush();
            return new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTwentyMegabyteStartRequestIs413AfterOnlyItsFirstBytes() throws IOException {
        String answer = send("POST /eta/start HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 20 * 1024 * 1024 + "\r\n\r\n", "{\"obfuscated_id\":\"".getBytes());

        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedStartRequestIsCutOffJustPastItsLimit() throws Exception {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /eta/start HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 5 * 1024; i++) { // 20 MB, unless the server stops listening
                        out.write(chunk);
                        sent.addAndGet(4096);
                    }
                } catch (IOException closed) {
                    // the server answered and closed: what this test expects
                }
            });
            sender.start();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
            sender.join(20_000);
        }
        assertThat(sent.get()).as("the server did not wait for all 20 MB").isLessThan(20L * 1024 * 1024);
    }

    @Test
    void aFormLargerThan64KbIs413() throws IOException {
        String answer = send("POST /manage_users HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 100 * 1024 + "\r\n\r\n",
                "name=".getBytes());

        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    /** No route takes files: a multipart body is refused before anything parses it, signed in or not. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/admin", "/eta/start", "/logout", "/manage_users"})
    void multipartIs415BeforeAnythingParsesIt(String path) throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"dd_name\"\r\n\r\nAcme\r\n--b--\r\n";
        String answer = send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length() + "\r\n\r\n",
                body.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 415");
    }

    @Test
    void aChunkedTwentyMegabyteMultipartIs415BeforeItAllArrives() throws Exception {
        assertThat(sendChunked("/admin", "multipart/form-data; boundary=b")).isEqualTo("HTTP/1.1 415");
    }

    /** Forms sent in chunks are counted against the form limit like any other body. */
    @Test
    void aChunkedFormOverTheLimitIs413() throws Exception {
        assertThat(sendChunked("/manage_users", "application/x-www-form-urlencoded")).isEqualTo("HTTP/1.1 413");
    }

    /** Sends up to 20 MB in 4 KB chunks, unless the server answers first; returns its status line's start. */
    private String sendChunked(String path, String contentType) throws Exception {
        AtomicLong sent = new AtomicLong();
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 5 * 1024; i++) {
                        out.write(chunk);
                        sent.addAndGet(4096);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // the server answered and closed
                }
            });
            sender.start();
            answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            sender.join(20_000);
        }
        assertThat(sent.get()).as("the server did not wait for all 20 MB").isLessThan(20L * 1024 * 1024);
        return answer;
    }

    @Test
    void aSmallStartRequestStillWorks() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/eta/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"obfuscated_id\":\"" + LINK + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("an unknown link, read and answered").isEqualTo(404);
        assertThat(response.body()).contains("unknown customer");
    }

    @Test
    void aMalformedQueryStringIs400WithOneWarningAndNoValues(CapturedOutput output) throws Exception {
        String answer = send("GET /" + LINK + "?q=Acme%20Blinds&status=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n", new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 400");
        List<String> warnings = output.getAll().lines().filter(line -> line.contains("malformed query")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("WARN").contains("GET /<id>").doesNotContain(LINK);
        assertThat(output.getAll()).doesNotContain("Acme").doesNotContain("%zz")
                .doesNotContain("InvalidParameterException").doesNotContain("\tat ");
    }

    @Test
    void withEveryThreadHeldByStalledClientsHealthStillAnswersOnTheManagementPort() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /eta/start HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"obf")
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + managementPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

}
