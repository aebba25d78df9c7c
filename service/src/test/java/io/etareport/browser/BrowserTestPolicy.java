package io.etareport.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the browser tests run here. Outside CI a machine without Debian's Chromium skips them, so the
 * test command passes with only a JDK; under CI ({@code CI=true}) they always run, so a missing browser fails
 * the build instead of passing it quietly.
 */
record BrowserTestPolicy(boolean browserInstalled, boolean underCi) {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SKIPPED = "Browser tests skipped: Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER
            + "); install it with: apt-get install chromium chromium-driver";

    enum Verdict { RUN, SKIP }

    /** This machine: Debian's Chromium and its driver, and the {@code CI} environment variable. */
    static BrowserTestPolicy here() {
        return new BrowserTestPolicy(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                isCi(System.getenv("CI")));
    }

    /** {@code CI=true} as CI services (and .ci/run) set it; {@code 1} too. */
    static boolean isCi(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1");
    }

    /** Under CI the tests run even without a browser: they then fail, naming what to install. */
    Verdict verdict() {
        return browserInstalled || underCi ? Verdict.RUN : Verdict.SKIP;
    }
}
