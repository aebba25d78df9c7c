package io.etareport.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this site, as the landing page at {@code /} names them.
 *
 * @param companyName  the manufacturer's name
 * @param contactEmail where customers write when they lost their link; empty: not shown
 * @param contactPhone likewise, a phone number; empty: not shown
 */
@ConfigurationProperties("eta.brand")
record BrandProperties(String companyName, String contactEmail, String contactPhone) {

    BrandProperties {
        companyName = companyName == null || companyName.isBlank() ? "ETA Report" : companyName.trim();
        contactEmail = contactEmail == null ? "" : contactEmail.trim();
        contactPhone = contactPhone == null ? "" : contactPhone.trim();
    }
}
