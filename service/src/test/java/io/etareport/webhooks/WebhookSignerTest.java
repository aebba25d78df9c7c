package io.etareport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Deliveries are signed as the Standard Webhooks spec says, so any of its libraries verifies them. */
class WebhookSignerTest {

    /**
     * The spec's published vector (standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function
     * works"). Its secret is {@code ...LPZIo2...}, with a capital I.
     */
    @Test
    void signsTheSpecsPublishedTestVector() {
        String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64OfAtLeast24RandomBytesAndVerifiesIndependently() throws Exception {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSecret.generate());
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        assertThat(key.length).isGreaterThanOrEqualTo(24);

        String body = "{\"type\":\"order.ready\",\"data\":{\"order_number\":\"90092\",\"reference\":\"Glance – Deck\"}}";
        String signature = WebhookSigner.sign(secret, "msg_1", 1700000000L, body);

        assertThat(signature).isEqualTo("v1," + independentHmac(key, "msg_1.1700000000." + body));
        assertThat(WebhookSigner.sign(secret, "msg_1", 1700000001L, body)).as("the timestamp is signed")
                .isNotEqualTo(signature);
    }

    @Test
    void messageIdsAreUniqueAndPrefixed() {
        assertThat(WebhookSecret.messageId()).startsWith("msg_").isNotEqualTo(WebhookSecret.messageId());
    }

    /** What a receiver does with nothing but the JDK: HMAC-SHA256 over id.timestamp.body with the decoded key. */
    static String independentHmac(byte[] key, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
