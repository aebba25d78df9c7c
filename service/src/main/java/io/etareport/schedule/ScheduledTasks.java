package io.etareport.schedule;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry of scheduled work: every task with its schedule (as configured) and whether it runs once per
 * cluster. Read from {@link ScheduledWork}'s annotations, so the list cannot drift from what actually runs.
 */
@Component
public class ScheduledTasks {

    /**
     * @param name           the task's name (its cluster lock's name when it has one)
     * @param schedule       a cron expression in {@code eta.time-zone}, or "every PT1H"; "-" when switched off
     * @param oncePerCluster whether one node runs each run (a database lock on PostgreSQL) or every node does
     */
    public record Task(String name, String schedule, boolean oncePerCluster) {
    }

    private final Environment environment;

    ScheduledTasks(Environment environment) {
        this.environment = environment;
    }

    public List<Task> all() {
        return Arrays.stream(ScheduledWork.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Scheduled.class))
                .sorted(Comparator.comparing(Method::getName))
                .map(this::task)
                .toList();
    }

    private Task task(Method method) {
        Scheduled scheduled = method.getAnnotation(Scheduled.class);
        SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
        String schedule = !scheduled.cron().isEmpty()
                ? environment.resolvePlaceholders(scheduled.cron())
                : "every " + environment.resolvePlaceholders(scheduled.fixedDelayString());
        return new Task(lock != null ? lock.name() : method.getName(), schedule, lock != null);
    }
}
