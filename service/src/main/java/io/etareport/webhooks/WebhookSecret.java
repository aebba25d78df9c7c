package io.etareport.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** An endpoint's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of its bytes. */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The key bytes the signature is made with: the base64 after the prefix, decoded. */
    static byte[] keyBytes(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** A message id (the {@code webhook-id} header): random, the same on every attempt of one delivery. */
    static String messageId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
