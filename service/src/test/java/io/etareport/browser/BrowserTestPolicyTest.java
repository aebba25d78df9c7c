package io.etareport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.browser.BrowserTestPolicy.Verdict;

import org.junit.jupiter.api.Test;

class BrowserTestPolicyTest {

    @Test
    void runsWhereChromiumIsInstalled() {
        assertThat(new BrowserTestPolicy(true, false).verdict()).isEqualTo(Verdict.RUN);
        assertThat(new BrowserTestPolicy(true, true).verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void skipsWithoutChromiumOnADevelopersMachine() {
        assertThat(new BrowserTestPolicy(false, false).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void underCiRunsWithoutChromiumSoTheBuildFails() {
        assertThat(new BrowserTestPolicy(false, true).verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void ciIsTheEnvironmentVariableCiSetToTrue() {
        assertThat(BrowserTestPolicy.isCi("true")).isTrue();
        assertThat(BrowserTestPolicy.isCi(" TRUE ")).isTrue();
        assertThat(BrowserTestPolicy.isCi("1")).isTrue();
        assertThat(BrowserTestPolicy.isCi(null)).isFalse();
        assertThat(BrowserTestPolicy.isCi("")).isFalse();
        assertThat(BrowserTestPolicy.isCi("false")).isFalse();
    }

    @Test
    void theSkipMessageIsOneLineSayingHowToInstall() {
        assertThat(BrowserTestPolicy.SKIPPED).doesNotContain("\n")
                .contains("apt-get install chromium chromium-driver");
    }
}
