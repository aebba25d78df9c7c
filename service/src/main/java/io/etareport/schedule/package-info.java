/**
 * Scheduled work in one home: {@code ScheduledWork} holds every scheduled task (the warm-ups before and after the
 * supplier's blackout, the purge, dropping old reports, job heartbeats), {@link io.etareport.schedule.ScheduledTasks}
 * lists them with their schedules and whether they run once per cluster, and {@link io.etareport.schedule.Purges}
 * is the one purge list the scheduled purge and {@code purge-jobs} both run.
 */
package io.etareport.schedule;
