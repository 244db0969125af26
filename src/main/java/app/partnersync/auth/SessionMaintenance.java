package app.partnersync.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets sessions that ended or expired more than a retention ago, with their spent refresh tokens (one row per
 * refresh would otherwise pile up forever). Spent tokens of live sessions stay: they are what recognises a reuse.
 * Idempotent deletes, so every instance may run it.
 */
@ApplicationScoped
public class SessionMaintenance {

    /** How long an ended session stays listed in exports and recognisable; then it is gone. */
    static final Duration RETENTION = Duration.ofDays(30);

    private final EntityManager entityManager;
    private final Clock clock;

    public SessionMaintenance(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        sweep();
    }

    /**
     * Deletes sessions revoked or expired before the retention, and their refresh tokens (by cascade); and the record
     * of sessions that ended over an hour ago, long after the last of their access tokens expired (EndedSessions).
     */
    public int sweep() {
        Instant before = clock.instant().minus(RETENTION);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from ended_session where ended_at < now() - interval '1 hour'")
                        .executeUpdate());
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("delete from auth_session where revoked_at < ?1 or expires_at < ?1")
                        .setParameter(1, before)
                        .executeUpdate());
    }
}
