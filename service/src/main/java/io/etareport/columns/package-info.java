/**
 * Which of BuzManager's columns customers may see: the columns seen per instance and entity set, staff
 * approvals and hold-backs ({@code /columns}), and the clean-up of stored copies when a column is held back.
 */
@ApplicationModule(allowedDependencies = {"audit", "buz", "db"})
package io.etareport.columns;

import org.springframework.modulith.ApplicationModule;
