package io.etareport.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deploy/ folder is, seen from the service module the tests run in. */
final class DeployFiles {

    static final Path DIRECTORY = locate();

    private DeployFiles() {
    }

    private static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("deploy")) && Files.exists(candidate.resolve("mvnw"))) {
                return candidate.resolve("deploy");
            }
        }
        throw new IllegalStateException("no deploy/ folder above " + here);
    }

    /** {@code CI=true} (or 1): tools a test needs must be there, and a missing one fails the test. */
    static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && (ci.strip().equalsIgnoreCase("true") || ci.strip().equals("1"));
    }
}
