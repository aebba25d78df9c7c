package io.etareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

    private final SimulatorFaults faults = new SimulatorFaults(List.of(BuzSimulator.DD_CODE, BuzSimulator.CBR_CODE));

    @Test
    void aReleaseAfterAHangWasChosenLetsThatRequestGoEvenBeforeItStartsWaiting() {
        faults.mode("DD", FaultMode.HANG);
        SimulatorFaults.Decision decision = faults.decide(BuzSimulator.DD_CODE);

        faults.clear();

        assertThat(decision.mode()).isEqualTo(FaultMode.HANG);
        assertThat(decision.release().getCount()).as("released").isZero();
    }

    @Test
    void aRequestChosenAfterTheReleaseHangsUntilTheNextOne() {
        faults.clear();
        faults.mode("DD", FaultMode.HANG);

        SimulatorFaults.Decision decision = faults.decide(BuzSimulator.DD_CODE);

        assertThat(decision.release().getCount()).isOne();
        faults.mode("DD", FaultMode.NONE);
        assertThat(decision.release().getCount()).isZero();
    }
}
