package io.etareport.desk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rowsPerCustomer problem orders each customer shows on the desk across customers (newest problem first);
 *                        "Show all" opens the desk for one customer with every one of theirs
 * @param keptCustomers   customers whose desk orders are kept in memory between opens (each for as long as its
 *                        report is the customer's newest, on the same day); beyond it the least used are built
 *                        again from the stored report when the desk is opened
 */
@ConfigurationProperties("eta.desk")
record DeskProperties(
        @DefaultValue("3") int rowsPerCustomer,
        @DefaultValue("2000") int keptCustomers) {

    DeskProperties {
        rowsPerCustomer = Math.max(1, rowsPerCustomer);
        keptCustomers = Math.max(0, keptCustomers);
    }
}
