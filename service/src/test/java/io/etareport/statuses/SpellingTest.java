package io.etareport.statuses;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTest {

    @Test
    void tidyTrimsAndJoinsWhitespaceRunsIntoOneSpace() {
        assertThat(Spelling.tidy("  a \t\n b  c d ")).isEqualTo("a b c d");
        assertThat(Spelling.tidy("a\tb")).isEqualTo("a b");
        assertThat(Spelling.tidy("a \tb")).isEqualTo("a b");
        assertThat(Spelling.tidy("a\t b")).isEqualTo("a b");
        assertThat(Spelling.tidy("a  b")).isEqualTo("a b");
        assertThat(Spelling.tidy("a\u00a0b")).as("a no-break space is not whitespace to Java").isEqualTo("a\u00a0b");
        assertThat(Spelling.tidy("\u2003a\u2003\u2003b")).as("an em space is").isEqualTo("a b");
    }

    @Test
    void tidyTextIsReturnedAsItIs() {
        String tidy = "already tidy";
        assertThat(Spelling.tidy(tidy)).isSameAs(tidy);
    }

    @Test
    void nothingTidiesToEmpty() {
        assertThat(Spelling.tidy(null)).isEmpty();
        assertThat(Spelling.tidy(" \t ")).isEmpty();
        assertThat(Spelling.key(null)).isEmpty();
    }

    @Test
    void spellingsDifferingOnlyInCaseOrSpacingHaveOneKey() {
        assertThat(Spelling.key(" In  Production")).isEqualTo(Spelling.key("IN PRODUCTION"))
                .isEqualTo(Spelling.key("in\tproduction")).isEqualTo("in production");
    }

    @Test
    void keysKeepEverythingButCaseAndSpacing() {
        assertThat(Spelling.key("Invoice ex GST fees - not in Xero")).isEqualTo("invoice ex gst fees - not in xero");
        assertThat(Spelling.key("On-Hold")).isNotEqualTo(Spelling.key("On Hold"));
    }
}
