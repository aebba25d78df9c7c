package io.etareport.customers;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The 32 lowercase hex characters of a customer's private link. */
public final class ObfuscatedId {

    /**
     * The one home of a link id's format, as a regular expression: routes take it in their path patterns
     * ({@code "{id:" + FORMAT + "}"}), so anything else never reaches a controller.
     */
    public static final String FORMAT = "[0-9a-f]{32}";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObfuscatedId() {
    }

    /** Checked before any database or upstream work, so probing links costs nothing. */
    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
