package io.etareport.customers;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Whom a customer asks about their orders, for every customer page (the report, the loading, empty, error and
 * closed-link pages). Templates reach it as {@code ${@customerContact}}, so pages rendered outside a controller
 * (error pages) show it too.
 */
@Component("customerContact")
public class CustomerContact {

    private final BrandProperties brand;

    CustomerContact(BrandProperties brand) {
        this.brand = brand;
    }

    /** A contact outside Spring (benchmarks rendering the page on their own). */
    public static CustomerContact of(String companyName, String name, String email, String phone) {
        return new CustomerContact(new BrandProperties(companyName, name, email, phone));
    }

    public String companyName() {
        return brand.companyName();
    }

    public String name() {
        return brand.contactName();
    }

    public String email() {
        return brand.contactEmail();
    }

    public String phone() {
        return brand.contactPhone();
    }

    /** Whether there is anything to show: a name alone is not a way to reach anyone. */
    public boolean present() {
        return !email().isEmpty() || !phone().isEmpty();
    }

    /** The phone number as a {@code tel:} link: digits and a leading plus only. */
    public String phoneLink() {
        return "tel:" + phone().replaceAll("[^0-9+]", "");
    }

    /**
     * A {@code mailto:} link to the contact with this subject, or null without an email address. Every character
     * of the subject outside the URI's unreserved set is percent-encoded, so a hostile reference cannot add
     * headers or recipients.
     */
    public String mailto(String subject) {
        if (email().isEmpty()) {
            return null;
        }
        return "mailto:" + UriUtils.encode(email(), StandardCharsets.UTF_8).replace("%40", "@")
                + "?subject=" + UriUtils.encode(subject == null ? "" : subject, StandardCharsets.UTF_8);
    }
}
