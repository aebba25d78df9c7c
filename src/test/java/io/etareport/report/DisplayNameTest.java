package io.etareport.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNameTest {

    @Test
    void theDisplayNameWinsWhenSet() {
        assertThat(DisplayName.of("  Acme Blinds ", "ACME PTY LTD", "Acme")).isEqualTo("Acme Blinds");
    }

    @Test
    void withoutOneTheFactoryNamesAreJoined() {
        assertThat(DisplayName.of(" ", "Acme Pty Ltd", " Acme Blinds ")).isEqualTo("Acme Pty Ltd / Acme Blinds");
        assertThat(DisplayName.of(null, "Acme Pty Ltd", "Acme Blinds")).isEqualTo("Acme Pty Ltd / Acme Blinds");
    }

    @Test
    void theSameNameAtBothFactoriesIsShownOnce() {
        assertThat(DisplayName.of("", "Acme Blinds ", " ACME BLINDS")).isEqualTo("Acme Blinds");
    }

    @Test
    void oneFactoryNameAloneIsShownAlone() {
        assertThat(DisplayName.of(null, "Acme", null)).isEqualTo("Acme");
        assertThat(DisplayName.of(null, " ", "Acme")).isEqualTo("Acme");
        assertThat(DisplayName.of(null, null, null)).isEmpty();
    }

    @Test
    void aNewCustomerDefaultsToItsCbrNameElseItsDdName() {
        assertThat(DisplayName.defaultFor("Acme DD", " Acme CBR ")).isEqualTo("Acme CBR");
        assertThat(DisplayName.defaultFor(" Acme DD ", " ")).isEqualTo("Acme DD");
        assertThat(DisplayName.defaultFor(null, null)).isEmpty();
    }
}
