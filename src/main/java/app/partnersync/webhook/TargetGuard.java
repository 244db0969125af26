package app.partnersync.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refuses webhook targets that would let a caller reach inside the network (SSRF): anything but https, and any host
 * that resolves to a loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254 included),
 * unique-local, multicast or unspecified address. Checked when a webhook is registered and again before every
 * delivery, because a name can be re-pointed after registration.
 */
@ApplicationScoped
public class TargetGuard {

    private final WebhookConfig config;

    public TargetGuard(WebhookConfig config) {
        this.config = config;
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an absolute https URL");
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null || uri.getUserInfo() != null) {
            return Optional.of("must be an absolute https URL without credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("its host does not resolve");
        }
        return refusal(uri.getScheme(), List.of(addresses), config.allowLoopback());
    }

    /**
     * Why a target of {@code scheme} whose host resolved to {@code addresses} may not be called, or empty when it may;
     * {@code allowLoopback} lets loopback addresses through, and plain http when every address is one.
     */
    static Optional<String> refusal(String scheme, List<InetAddress> addresses, boolean allowLoopback) {
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("resolves to a loopback address");
                }
                continue;
            }
            allLoopback = false;
            if (internal(address)) {
                return Optional.of("resolves to a private, link-local or metadata address");
            }
        }
        boolean https = "https".equalsIgnoreCase(scheme);
        boolean localHttp = "http".equalsIgnoreCase(scheme) && allLoopback && allowLoopback;
        return https || localHttp ? Optional.empty() : Optional.of("must use https");
    }

    /** Every non-public address kind this service must never call. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // unique local fc00::/7 (cloud metadata fd00:ec2::254 among them)
                    || embeddedIpv4(b).map(TargetGuard::internal).orElse(false);
        }
        return true;
    }

    /**
     * The IPv4 address an IPv6 address carries to reach it through a translator or tunnel, which would otherwise let
     * {@code 64:ff9b::a9fe:a9fe} reach 169.254.169.254: IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code
     * 64:ff9b::/96}, 6to4 {@code 2002::/16} and Teredo {@code 2001::/32} (its client address, stored inverted).
     * IPv4-mapped {@code ::ffff:a.b.c.d} needs none: Java reads it as the IPv4 address itself.
     */
    static Optional<InetAddress> embeddedIpv4(byte[] b) {
        byte[] v4 = null;
        if (zero(b, 0, 12) && !zero(b, 12, 16)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6);
        } else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) {
            v4 = new byte[4];
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~b[12 + i];
            }
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
