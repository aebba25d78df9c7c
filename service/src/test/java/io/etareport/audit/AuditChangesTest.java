package io.etareport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /audit shows a change as "field: before → after" lines, not as two JSON blobs. */
class AuditChangesTest {

    @Test
    void anEditListsOnlyTheFieldsThatChanged() {
        assertThat(AuditChanges.lines("{\"name\":\"Acme\",\"ddName\":\"ACME\",\"cbrName\":null}",
                "{\"name\":\"Acme Blinds\",\"ddName\":\"ACME\",\"cbrName\":\"Acme Pty\"}"))
                .containsExactly("name: Acme → Acme Blinds", "cbrName: (none) → Acme Pty");
    }

    @Test
    void aNewEntityListsItsFieldsAndADeletedOneSaysRemoved() {
        assertThat(AuditChanges.lines(null, "{\"email\":\"a@b.test\",\"role\":\"user\"}"))
                .containsExactly("email: a@b.test", "role: user");
        assertThat(AuditChanges.lines("{\"email\":\"a@b.test\"}", null)).containsExactly("email: a@b.test (removed)");
    }

    @Test
    void aFieldThatAppearsOrGoesIsAChangeAndUnreadableValuesAreShownAsStored() {
        assertThat(AuditChanges.lines("{\"paused\":true}", "{}")).containsExactly("paused: true → (none)");
        assertThat(AuditChanges.lines("not json", "{\"a\":1}")).containsExactly("before: not json", "after: {\"a\":1}");
        assertThat(AuditChanges.lines(null, null)).isEmpty();
    }
}
