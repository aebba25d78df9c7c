package io.etareport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * What {@code --version} prints: the build's version and time and its git commit, from the files the build writes
 * into the jar ({@code META-INF/build-info.properties}, {@code git.properties}); the same facts as
 * {@code /actuator/info}. A build from outside a git checkout has no commit and says so.
 */
final class BuildVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties build = load("META-INF/build-info.properties");
        Properties git = load("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev");
        return new String[] {
                "eta-report " + build.getProperty("build.version", "(version unknown: not built by Maven)"),
                "commit " + (commit == null ? "unknown" : commit
                        + ("true".equals(git.getProperty("git.dirty")) ? " (with uncommitted changes)" : "")
                        + ", " + git.getProperty("git.commit.time", "")),
                "built " + build.getProperty("build.time", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // unreadable counts as absent: the version line says "unknown"
        }
        return properties;
    }
}
