package io.etareport.customers;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The 32 lowercase hex characters of a customer's private link. */
public final class ObfuscatedId {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObfuscatedId() {
    }

    /** Checked before any database or upstream work, so probing links costs nothing. */
    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
