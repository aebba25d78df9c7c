package io.etareport.customers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * "Email link": a {@code mailto:} address that opens the staff member's own mail program with the customer's link
 * and a short text, so nothing is sent by the service and the mail comes from a person the customer knows.
 */
@Component
@EnableConfigurationProperties(LinkMail.Properties.class)
public class LinkMail {

    private final Properties properties;

    LinkMail(Properties properties) {
        this.properties = properties;
    }

    /** The {@code mailto:} for this customer's link; {@code {name}} and {@code {link}} in the wording are filled. */
    public String mailto(Customer customer, String link) {
        return "mailto:?subject=" + encode(fill(properties.subject(), customer, link))
                + "&body=" + encode(fill(properties.body(), customer, link));
    }

    private static String fill(String text, Customer customer, String link) {
        return text.replace("{name}", customer.name()).replace("{link}", link);
    }

    /** mailto wants %20 for spaces, not the form encoding's "+". */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param subject the mail's subject
     * @param body    the mail's text; {@code {link}} is the customer's link, {@code {name}} their name
     */
    @ConfigurationProperties("eta.link-mail")
    record Properties(
            @DefaultValue("Your orders with us") String subject,
            @DefaultValue("Hello,\n\nYou can see where your orders are, at any time, at this private link:\n\n{link}\n\n"
                    + "Please keep it to yourselves: anyone with the link can see your orders.") String body) {
    }
}
