package io.etareport.notify;

import jakarta.servlet.http.HttpServletRequest;

import io.etareport.customers.Customer;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing up for update mails from a customer's page. The route lives with the customer's other routes
 * ({@code link}), which hands over an open link's customer; what a sign-up does and says lives here.
 */
@Component
public class UpdateSignUps {

    /** What the visitor reads after pressing the button. */
    public record Answer(String title, String message) {
    }

    private final Subscriptions subscriptions;
    private final MailUpdates mail;
    private final NotifyProperties properties;
    private final Updates updates;

    UpdateSignUps(Subscriptions subscriptions, MailUpdates mail, NotifyProperties properties, Updates updates) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.properties = properties;
        this.updates = updates;
    }

    /** Whether mail is set up: without it there is nothing to sign up for. */
    public boolean available() {
        return mail.available();
    }

    /** Starts a double opt-in for {@code email}: a confirmation mail, nothing else until it is confirmed. */
    public Answer signUp(Customer customer, String email, String cadence, HttpServletRequest request) {
        if (!Subscriptions.looksLikeEmail(email)) {
            return new Answer("Please check the email address",
                    "That does not look like an email address. Go back and try again.");
        }
        subscriptions.subscribe(customer, email, Subscriptions.Cadence.of(cadence), siteUrl(request));
        updates.baselineSoon(customer);
        return new Answer("Check your inbox", "We sent an email to " + email.trim() + ". Open the link in it to"
                + " start the updates. Nothing else is sent until you do.");
    }

    private String siteUrl(HttpServletRequest request) {
        String configured = properties.siteUrl().trim();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
