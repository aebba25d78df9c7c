/**
 * The report as files: the formula guard, the CSV, XLSX and calendar (ICS) writers, file names, and the download
 * response the customer's and the API's routes share. No routes of its own.
 */
@ApplicationModule(allowedDependencies = {"buz", "report"})
package io.etareport.export;

import org.springframework.modulith.ApplicationModule;
