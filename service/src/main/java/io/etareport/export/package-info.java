/**
 * CSV and XLSX downloads of a customer's report.
 */
package io.etareport.export;
