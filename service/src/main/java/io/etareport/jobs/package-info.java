/**
 * Report jobs and the customer-facing routes: open a link, watch the progress, read the report.
 */
package io.etareport.jobs;
