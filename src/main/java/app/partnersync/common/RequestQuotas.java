package app.partnersync.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rate limits the current request was counted against, and who it counts as: the client address that per-address
 * limits key on. The answer reports every quota in {@code RateLimit-Policy} and {@code RateLimit} (IETF draft
 * "RateLimit header fields for HTTP"), written by {@link WriteThrottle}.
 */
@RequestScoped
public class RequestQuotas {

    /** One limit as it stood after this request: the quota per window, what remains and when it is whole again. */
    public record Quota(String policy, long limit, Duration window, long remaining, long resetSeconds) {}

    private final CurrentVertxRequest request;
    private final List<Quota> quotas = new ArrayList<>(2);

    public RequestQuotas(CurrentVertxRequest request) {
        this.request = request;
    }

    void add(Quota quota) {
        quotas.add(quota);
    }

    /**
     * The key of the client's address: the peer address, or the forwarded one when the service runs behind a trusted
     * proxy ({@code quarkus.http.proxy.*}). IPv6 addresses count by their /64, which one subscriber usually holds
     * whole.
     */
    public String clientAddress() {
        RoutingContext current = request.getCurrent();
        SocketAddress peer = current == null ? null : current.request().remoteAddress();
        return addressKey(peer == null ? null : peer.hostAddress());
    }

    /** The key of a client's address as the peer gave it: IPv4 as is, IPv6 by its /64, nothing as {@code unknown}. */
    static String addressKey(String host) {
        if (host == null) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            return address.length == 16 ? HexFormat.of().formatHex(address, 0, 8) + "::/64" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** The two header fields, or none when no limit applied to this request. */
    Map<String, String> headers() {
        return headers(quotas);
    }

    /**
     * {@code RateLimit-Policy} ({@code "<policy>";q=<limit>;w=<window seconds>}) and {@code RateLimit}
     * ({@code "<policy>";r=<remaining>;t=<seconds to reset>}), one entry per quota in the order counted; none for no
     * quota.
     */
    static Map<String, String> headers(List<Quota> quotas) {
        if (quotas.isEmpty()) {
            return Map.of();
        }
        return Map.of(
                "RateLimit-Policy",
                quotas.stream()
                        .map(q -> '"' + q.policy() + "\";q=" + q.limit() + ";w="
                                + q.window().toSeconds())
                        .collect(Collectors.joining(", ")),
                "RateLimit",
                quotas.stream()
                        .map(q -> '"' + q.policy() + "\";r=" + q.remaining() + ";t=" + q.resetSeconds())
                        .collect(Collectors.joining(", ")));
    }
}
