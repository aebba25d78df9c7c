package io.etareport.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterChoicesTest {

    @Test
    void aFilterIsShownOnlyWithMoreThanOneChoice() {
        FilterChoices choices = new FilterChoices(List.of("Cutting", "Sewing"), List.of("Shutters"), List.of());

        assertThat(choices.showStatuses()).isTrue();
        assertThat(choices.showGroups()).isFalse();
        assertThat(choices.showSuppliers()).isFalse();
    }
}
