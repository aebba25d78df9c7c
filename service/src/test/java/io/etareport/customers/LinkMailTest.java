package io.etareport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** "Email link" opens the staff member's mail program with the customer's link in the configured wording. */
class LinkMailTest {

    private static final Customer ACME = new Customer(7, "ACME", null, "0123456789abcdef0123456789abcdef",
            FieldType.CUSTOMER_NAME, "Smith & Sons");

    @Test
    void theWordingCarriesTheNameAndTheLinkEncodedForAMailtoAddress() {
        LinkMail mail = new LinkMail(new LinkMail.Properties("Orders for {name}", "Hi {name},\n{link}\nBye"));

        String mailto = mail.mailto(ACME, "https://eta.example.com/0123456789abcdef0123456789abcdef");

        assertThat(mailto).startsWith("mailto:?subject=Orders%20for%20Smith%20%26%20Sons&body=")
                .doesNotContain("+").doesNotContain(" ").doesNotContain("\n");
        String body = URLDecoder.decode(mailto.substring(mailto.indexOf("&body=") + 6), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("Hi Smith & Sons,\nhttps://eta.example.com/0123456789abcdef0123456789abcdef\nBye");
    }
}
