package io.etareport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/eta-report.service passes {@code systemd-analyze verify} (Debian's systemd package; CI installs it, and
 * without it a run outside CI skips this test) and keeps its hardening.
 */
class SystemdUnitTest {

    static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    static final String INSTALL = "systemd-analyze not found; install it with: apt-get install systemd";
    private static final Path UNIT = DeployFiles.DIRECTORY.resolve("eta-report.service");

    @TempDir
    Path dir;

    @Test
    void theUnitPassesSystemdAnalyzeVerifyWithoutAWarning() throws Exception {
        String output = verify(Files.readString(UNIT));

        assertThat(output).as("systemd-analyze verify output").isEmpty();
    }

    @Test
    void verifyCatchesAWrongValueSoTheCheckAboveMeansSomething() throws Exception {
        String broken = Files.readString(UNIT).replace("ProtectSystem=strict", "ProtectSystem=sometimes");

        assertThat(verify(broken)).containsIgnoringCase("protect system").contains("sometimes");
    }

    @Test
    void theUnitRunsHardenedAsAUserOfItsOwnAndRestartsOnFailure() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);

        assertThat(lines).contains("DynamicUser=yes", "ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes",
                "Restart=on-failure", "EnvironmentFile=/etc/eta-report/eta-report.env", "StateDirectory=eta-report");
        assertThat(lines).noneMatch(line -> line.startsWith("User=root"));
    }

    /** Everything systemd-analyze says about the unit (its exit code is 0 even for unparsable values). */
    private String verify(String unit) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(ANALYZE);
        if (!installed && !DeployFiles.underCi()) {
            System.out.println(INSTALL);
        }
        assumeThat(installed || DeployFiles.underCi()).as(INSTALL).isTrue();
        assertThat(installed).as(INSTALL).isTrue();
        // The environment file is the operator's, not in the repository: verify a copy that names the example.
        Path file = dir.resolve("eta-report.service");
        Files.writeString(file, unit.replace("/etc/eta-report/eta-report.env",
                DeployFiles.DIRECTORY.resolve("eta-report.env.example").toString()));
        Process process = new ProcessBuilder(ANALYZE.toString(), "verify", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }
}
