package app.partnersync.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7 (cloud metadata fd00:ec2::254 among them)
        }
        return true;
    }
}
