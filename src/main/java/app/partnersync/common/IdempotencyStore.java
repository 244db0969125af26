package app.partnersync.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * The first response to each Idempotency-Key, per account, in PostgreSQL: every instance sees every key. Each step
 * commits on its own, so a concurrent duplicate sees "in progress" at once rather than running the operation again.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** A key whose request crashed mid-way may be taken over after this long. */
    static final Duration ABANDONED = Duration.ofSeconds(60);

    /** How long a key's answer is replayed. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final EntityManager entityManager;
    private final Clock clock;

    public IdempotencyStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Outcome of presenting a key. */
    sealed interface Claim {}

    /** The caller now owns the key and must {@link #complete} or {@link #release} it. */
    record Claimed() implements Claim {}

    /** The key was answered before: replay this. */
    record Replay(int status, String headers, String body) implements Claim {}

    /** Another request with this key is running. */
    record InProgress() implements Claim {}

    /** The key was used for a different request. */
    record Mismatch() implements Claim {}

    /** Processing: its request is running (or crashed, once {@link #ABANDONED}); done: its answer is stored. */
    enum KeyStatus {
        processing,
        done
    }

    /** A key as stored: the request it was first used for, and that request's answer once there is one. */
    record StoredKey(
            String requestHash,
            KeyStatus status,
            Integer responseStatus,
            String responseHeaders,
            String responseBody,
            Instant createdAt,
            Instant lockedAt) {

        static StoredKey of(Tuple row) {
            Number responseStatus = (Number) row.get("response_status");
            return new StoredKey(
                    row.get("request_hash", String.class),
                    KeyStatus.valueOf(row.get("status", String.class)),
                    responseStatus == null ? null : responseStatus.intValue(),
                    row.get("response_headers", String.class),
                    row.get("response_body", String.class),
                    SqlValues.instant(row.get("created_at")),
                    SqlValues.instant(row.get("locked_at")));
        }

        /**
         * What presenting this key again for {@code requestHash} at {@code now} comes to. {@link Claimed} means the
         * key is taken over: its answer has expired, or its request crashed and this is the same request again.
         */
        Claim presented(String requestHash, Instant now) {
            boolean expired = createdAt.isBefore(now.minus(RETENTION));
            boolean abandoned = status == KeyStatus.processing && lockedAt.isBefore(now.minus(ABANDONED));
            if (expired || (abandoned && requestHash.equals(this.requestHash))) {
                return new Claimed();
            }
            if (!requestHash.equals(this.requestHash)) {
                return new Mismatch();
            }
            if (status == KeyStatus.processing) {
                return new InProgress();
            }
            return new Replay(responseStatus, responseHeaders, responseBody);
        }
    }

    /**
     * Outcomes (complete, release) that could not be recorded because the database was unavailable, recorded before
     * the next claim: a client's retry then finds its key answered or free, not "in progress" until it counts as
     * abandoned. Lost if the instance stops first (the claim is then taken over after {@link #ABANDONED}).
     */
    private final ConcurrentLinkedQueue<Runnable> deferred = new ConcurrentLinkedQueue<>();

    private static final int MAX_DEFERRED = 10_000;

    /** Records {@code step} later, once the database is back. */
    void defer(Runnable step) {
        if (deferred.size() < MAX_DEFERRED) {
            deferred.add(step);
        }
    }

    /** Records what was deferred, in order, until the database fails again. */
    void recordDeferred() {
        Runnable step;
        while ((step = deferred.peek()) != null) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.causedBy(e)) {
                    return;
                }
                LOG.warnf("Idempotency-Key outcome dropped: %s", e.getMessage());
            }
            deferred.remove(step);
        }
    }

    Claim claim(UUID accountId, String key, String requestHash) {
        recordDeferred();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int inserted = entityManager
                    .createNativeQuery("insert into idempotency_key (account_id, key, request_hash, status, created_at,"
                            + " locked_at) values (?1, ?2, ?3, 'processing', ?4, ?4) on conflict do nothing")
                    .setParameter(1, accountId)
                    .setParameter(2, key)
                    .setParameter(3, requestHash)
                    .setParameter(4, now)
                    .executeUpdate();
            if (inserted == 1) {
                return new Claimed();
            }
            StoredKey stored = SqlValues.tuples(entityManager
                            .createNativeQuery(
                                    "select request_hash, status, response_status, response_headers, response_body,"
                                            + " created_at, locked_at from idempotency_key"
                                            + " where account_id = ?1 and key = ?2 for update",
                                    Tuple.class)
                            .setParameter(1, accountId)
                            .setParameter(2, key))
                    .stream()
                    .map(StoredKey::of)
                    .findFirst()
                    .orElseThrow();
            Claim claim = stored.presented(requestHash, now);
            if (claim instanceof Claimed) {
                entityManager
                        .createNativeQuery("update idempotency_key set request_hash = ?3, status = 'processing',"
                                + " response_status = null, response_headers = null, response_body = null,"
                                + " created_at = ?4, locked_at = ?4 where account_id = ?1 and key = ?2")
                        .setParameter(1, accountId)
                        .setParameter(2, key)
                        .setParameter(3, requestHash)
                        .setParameter(4, now)
                        .executeUpdate();
            }
            return claim;
        });
    }

    void complete(UUID accountId, String key, int status, String headers, String body) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update idempotency_key set status = 'done', response_status = ?3,"
                                + " response_headers = ?4, response_body = ?5 where account_id = ?1 and key = ?2")
                        .setParameter(1, accountId)
                        .setParameter(2, key)
                        .setParameter(3, status)
                        .setParameter(4, headers)
                        .setParameter(5, body)
                        .executeUpdate());
    }

    /** Forgets a claim whose request failed on our side, so that the client's retry runs it again. */
    void release(UUID accountId, String key) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "delete from idempotency_key where account_id = ?1 and key = ?2 and status = 'processing'")
                        .setParameter(1, accountId)
                        .setParameter(2, key)
                        .executeUpdate());
    }
}
