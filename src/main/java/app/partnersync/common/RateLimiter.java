package app.partnersync.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window attempt counters kept in PostgreSQL, so a limit holds across every instance behind a load balancer.
 * Each attempt commits on its own: a request that then fails (a wrong invitation code) still counts.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String COUNT = """
            insert into rate_limit (bucket, window_start, hits) values (?1, ?2, 1)
            on conflict (bucket) do update set
                hits = case when rate_limit.window_start = excluded.window_start then rate_limit.hits + 1 else 1 end,
                window_start = excluded.window_start
            returning hits""";

    private final EntityManager entityManager;
    private final Clock clock;

    public RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Counts one attempt in {@code bucket}; past {@code limit} per {@code window} it is a 429 with Retry-After. */
    public void acquire(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        int hits = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(COUNT)
                                .setParameter(1, bucket)
                                .setParameter(2, start)
                                .getSingleResult())
                        .intValue());
        if (hits > limit) {
            long retryAfter =
                    Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1);
            throw new ProblemException(
                    ProblemType.RATE_LIMITED,
                    "Too many attempts; try again in " + retryAfter + " seconds.",
                    List.of(),
                    Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** Forgets every bucket whose key ends with {@code suffix} (an erased account's counters). */
    public void forget(String suffix) {
        entityManager
                .createNativeQuery("delete from rate_limit where bucket like ?1")
                .setParameter(1, "%" + suffix)
                .executeUpdate();
    }
}
