package io.etareport.jobs;

/**
 * Published in-process once the scheduled warm-up has stored a new report for its customers, so whatever keeps
 * something built from each customer's newest stored report (the staff desk) can read them again in the background
 * instead of at the next person's request. Only the node that ran the warm-up hears it.
 *
 * @param stored how many reports were stored
 */
public record ReportsStored(int stored) {
}
