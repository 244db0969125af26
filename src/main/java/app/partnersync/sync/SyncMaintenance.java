package app.partnersync.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets what is past its retention: feed entries and mutation results (30 days), Idempotency-Key replies (24 h),
 * stream tickets nobody used (once expired).
 * Every instance schedules it; a transaction-scoped advisory lock lets exactly one run at a time, and the deletes are
 * idempotent, so a run that overlaps or repeats does no harm.
 */
@ApplicationScoped
public class SyncMaintenance {

    private static final Logger LOG = Logger.getLogger(SyncMaintenance.class);
    private static final long LOCK = 0x5053_5359_4e43L; // "PSSYNC"

    private final EntityManager entityManager;
    private final SyncConfig config;
    private final Clock clock;

    public SyncMaintenance(EntityManager entityManager, SyncConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        QuarkusTransaction.requiringNew().run(() -> {
            boolean mine = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK)
                    .getSingleResult();
            if (!mine) {
                return;
            }
            Instant now = clock.instant();
            int changes = delete("sync_change", "changed_at", now.minus(config.retention()));
            int mutations = delete("sync_mutation", "created_at", now.minus(config.retention()));
            int keys = delete("idempotency_key", "created_at", now.minus(config.idempotencyRetention()));
            int tickets = delete("stream_ticket", "expires_at", now);
            LOG.debugf(
                    "sync sweep: %d changes, %d mutation results, %d idempotency keys, %d stream tickets",
                    changes, mutations, keys, tickets);
        });
    }

    private int delete(String table, String column, Instant before) {
        return entityManager
                .createNativeQuery("delete from " + table + " where " + column + " < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
