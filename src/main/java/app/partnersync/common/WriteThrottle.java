package app.partnersync.common;

import app.partnersync.identity.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Throttles writes per account and per client address with token buckets in this instance's memory (Bucket4j): a
 * bucket holds a window's quota and refills evenly over the window, so a client may burst and then keeps a steady
 * rate. Runs before the idempotency claim, so a refused write claims no key. Also writes the {@code RateLimit} header
 * fields of every limit a request was counted against, here or in {@link RateLimiter}. Application-scoped (a client
 * proxy), so that it is made at the first request: the REST layer makes its filters before runtime configuration.
 */
@ApplicationScoped
public class WriteThrottle {

    static final String PER_ACCOUNT = "writes-account";
    static final String PER_ADDRESS = "writes-ip";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Limited by attempts of their own, counted across instances (RateLimiter). */
    private static final Set<String> OWN_LIMITS = Set.of("/v1/auth/login", "/v1/auth/refresh");

    private final RateLimitConfig config;
    private final SecurityIdentity identity;
    private final RequestQuotas quotas;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public WriteThrottle(RateLimitConfig config, SecurityIdentity identity, RequestQuotas quotas, Clock clock) {
        this.config = config;
        this.identity = identity;
        this.quotas = quotas;
        this.time = new ClockTime(clock);
        // Idle buckets are full again after one window, so forgetting them then changes nothing; the bound keeps a
        // flood of addresses from growing the heap.
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(config.writeWindow())
                .maximumSize(200_000)
                .build();
    }

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void throttle(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") || OWN_LIMITS.contains(path)) {
            return;
        }
        take(PER_ADDRESS, quotas.clientAddress(), config.writesPerIp());
        if (signedIn()) {
            take(PER_ACCOUNT, Caller.accountIdOf(identity).toString(), config.writesPerAccount());
        }
    }

    /**
     * Whether a valid token came with the request. An invalid one is the endpoint's business: a protected one answers
     * 401 when it asks, a public one (register) ignores the header, as it would without this filter.
     */
    private boolean signedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    @ServerResponseFilter
    public void report(ContainerResponseContext response) {
        quotas.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
    }

    private void take(String policy, String key, int limit) {
        Duration window = config.writeWindow();
        ConsumptionProbe probe = buckets.get(policy + ":" + key, k -> bucket(limit, window, time))
                .tryConsumeAndReturnRemaining(1);
        quotas.add(quota(policy, limit, window, probe));
        if (!probe.isConsumed()) {
            long retryAfter = retryAfterSeconds(probe);
            throw new ProblemException(
                    ProblemType.RATE_LIMITED,
                    "Too many writes; try again in " + retryAfter + " seconds.",
                    List.of(),
                    Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** A bucket of {@code limit} writes, full at first, refilling evenly over {@code window}. */
    static Bucket bucket(int limit, Duration window, TimeMeter time) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, window))
                .withCustomTimePrecision(time)
                .build();
    }

    /** The quota after a write was counted: the tokens left, and the whole seconds until the bucket is full again. */
    static RequestQuotas.Quota quota(String policy, int limit, Duration window, ConsumptionProbe probe) {
        return new RequestQuotas.Quota(
                policy, limit, window, probe.getRemainingTokens(), ceilSeconds(probe.getNanosToWaitForReset()));
    }

    /** For a refused write: the whole seconds until one token is back, at least 1. */
    static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    /** Seconds rounded up: a client told to wait less than the bucket needs would only be refused again. */
    static long ceilSeconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
    }

    /** The service's clock as Bucket4j's time, so that a test moving the clock refills the buckets. */
    record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
