package app.partnersync.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window attempt counters kept in PostgreSQL, so a limit holds across every instance behind a load balancer
 * (decision 005). Each attempt commits on its own: a request that then fails (a wrong invitation code) still counts.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String COUNT = """
            insert into rate_limit (bucket, window_start, hits) values (?1, ?2, 1)
            on conflict (bucket) do update set
                hits = case when rate_limit.window_start = excluded.window_start then rate_limit.hits + 1 else 1 end,
                window_start = excluded.window_start
            returning hits""";

    /** Counters whose window began longer ago than this are gone; every window configured here is far shorter. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final EntityManager entityManager;
    private final Clock clock;
    private final RequestQuotas quotas;

    public RateLimiter(EntityManager entityManager, Clock clock, RequestQuotas quotas) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.quotas = quotas;
    }

    /**
     * Counts one attempt of {@code policy} by {@code key} (an account, an address); past {@code limit} per
     * {@code window} it is a 429 with Retry-After. Either way the answer reports the quota.
     */
    public void acquire(String policy, String key, int limit, Duration window) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        int hits = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(COUNT)
                                .setParameter(1, policy + ":" + key)
                                .setParameter(2, start)
                                .getSingleResult())
                        .intValue());
        RequestQuotas.Quota quota = quota(policy, limit, window, hits, now);
        quotas.add(quota);
        if (hits > limit) {
            throw new ProblemException(
                    ProblemType.RATE_LIMITED,
                    "Too many attempts; try again in " + quota.resetSeconds() + " seconds.",
                    List.of(),
                    Map.of("Retry-After", Long.toString(quota.resetSeconds())));
        }
    }

    /** The start of the fixed window {@code now} falls in: windows are aligned to the epoch, the same on every instance. */
    static Instant windowStart(Instant now, Duration window) {
        long windowMillis = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    }

    /**
     * The quota after {@code hits} attempts in the window of {@code now}: what remains of {@code limit}, and the whole
     * seconds until the next window, which is also the Retry-After of an attempt past the limit (never 0: a client
     * that retries at once would only be refused again).
     */
    static RequestQuotas.Quota quota(String policy, int limit, Duration window, int hits, Instant now) {
        long reset = Math.max(
                1, Duration.between(now, windowStart(now, window).plus(window)).toSeconds() + 1);
        return new RequestQuotas.Quota(policy, limit, window, Math.max(0, limit - hits), reset);
    }

    /** Forgets every bucket whose key ends with {@code suffix} (an erased account's counters). */
    public void forget(String suffix) {
        entityManager
                .createNativeQuery("delete from rate_limit where bucket like ?1")
                .setParameter(1, "%" + suffix)
                .executeUpdate();
    }

    /** Deletes counters of windows long past (keys that never came back: addresses, mistyped emails). Idempotent. */
    @Scheduled(every = "15m", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant before = clock.instant().minus(KEPT);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from rate_limit where window_start < ?1")
                        .setParameter(1, before)
                        .executeUpdate());
    }
}
