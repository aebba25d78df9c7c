package io.etareport.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which endpoint addresses may be called: {@code https} to a host whose every DNS answer is a public address, so
 * a webhook cannot be pointed at the service's own network. Checked when an endpoint is registered and again
 * before each delivery (a name may point elsewhere by then). With {@code eta.webhooks.allow-private-addresses}
 * {@code http} and every address are allowed (tests, intranets).
 */
final class AddressGuard {

    /** Looks a host name up; the JDK's resolver in the service. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why an address may not be called, in words an admin reads. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL's form only (no DNS): answers it parsed. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("That is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("The address must start with https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("The address has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("The address may not contain a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("The address may not contain a #fragment.");
        }
        if (url.length() > 2000) {
            throw new Refused("The address is too long.");
        }
        return uri;
    }

    /** The URL's form and its host's DNS answers: every answer must be a public address. */
    URI check(String url) throws Refused {
        URI uri = parse(url);
        if (allowPrivate) {
            return uri;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] answers;
        try {
            answers = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("The host name could not be found.");
        }
        if (answers.length == 0) {
            throw new Refused("The host name could not be found.");
        }
        for (InetAddress answer : answers) {
            if (!isPublic(answer)) {
                throw new Refused("The address is on a private network; only public addresses can be called.");
            }
        }
        return uri;
    }

    /**
     * Not loopback, unspecified, private (RFC 1918), shared (100.64/10), link-local, unique-local (fc00::/7),
     * multicast or reserved; an IPv4 address inside IPv6 is judged as IPv4.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                // IPv4-compatible or IPv4-mapped: the IPv4 address decides.
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            return true;
        }
        return false;
    }
}
