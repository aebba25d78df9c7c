package io.etareport.schedule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduled work has one home, and its registry says what runs when and where. */
class ScheduledTasksTest {

    @Test
    void theRegistryListsEveryTaskWithItsConfiguredScheduleAndWhetherOneNodeRunsIt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("eta.time-zone", "Australia/Sydney")
                .withProperty("eta.schedule.warm-up-after", "0 0 17 * * MON-FRI");

        assertThat(new ScheduledTasks(environment).all()).containsExactlyInAnyOrder(
                new ScheduledTasks.Task("warm-up", "0 30 9 * * MON-FRI", true),
                new ScheduledTasks.Task("warm-up-after", "0 0 17 * * MON-FRI", true),
                new ScheduledTasks.Task("purge", "0 15 3 * * *", true),
                new ScheduledTasks.Task("drop-old-reports", "every PT1H", true),
                new ScheduledTasks.Task("jobHeartbeat", "every 5s", false),
                new ScheduledTasks.Task("trimSessions", "every PT1M", false),
                new ScheduledTasks.Task("notify-digest", "0 45 9 * * MON-FRI", true),
                new ScheduledTasks.Task("notify-immediate", "0 5 * * * *", true),
                new ScheduledTasks.Task("notify-send", "30 * * * * *", true),
                new ScheduledTasks.Task("webhooks-check", "0 20 * * * *", true),
                new ScheduledTasks.Task("webhooks-send", "45 * * * * *", true));
    }

    @Test
    void noOtherClassSchedulesWorkOfItsOwn() {
        noMethods().that().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(ScheduledWork.class.getName())
                .should().beAnnotatedWith(Scheduled.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.etareport"));
    }
}
