package io.etareport.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this site and whom customers ask: the landing page at {@code /} and every customer page name them.
 *
 * @param companyName  the manufacturer's name
 * @param contactName  the person or team customers ask about their orders; empty: not shown
 * @param contactEmail where customers write about an order or a lost link; empty: not shown
 * @param contactPhone likewise, a phone number; empty: not shown
 */
@ConfigurationProperties("eta.brand")
record BrandProperties(String companyName, String contactName, String contactEmail, String contactPhone) {

    BrandProperties {
        companyName = companyName == null || companyName.isBlank() ? "ETA Report" : companyName.trim();
        contactName = contactName == null ? "" : contactName.trim();
        contactEmail = contactEmail == null ? "" : contactEmail.trim();
        contactPhone = contactPhone == null ? "" : contactPhone.trim();
    }
}
