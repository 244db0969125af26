package app.partnersync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Where synced records announce their changes, in the writing transaction: a change that rolls back was never
 * announced, and one that commits is in the feed, on the live stream (the {@code sync_change} row's trigger notifies
 * every instance) and, for a partnership's record whose type has integration events, with {@link Announcements}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    private static final String INSERT =
            "insert into sync_change (record_type, record_id, partnership_id, account_id, op, version)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)";

    private final EntityManager entityManager;
    private final SyncedTypes types;
    private final Announcements announcements;
    private final Clock clock;

    public ChangeLog(EntityManager entityManager, SyncedTypes types, Announcements announcements, Clock clock) {
        this.entityManager = entityManager;
        this.types = types;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Who may see a record: the members of a partnership, or a single account. */
    public record Scope(UUID partnershipId, UUID accountId) {

        public static Scope partnership(UUID partnershipId) {
            return new Scope(partnershipId, null);
        }

        public static Scope account(UUID accountId) {
            return new Scope(null, accountId);
        }
    }

    /** The record was created or changed and now has {@code version}. */
    public void upserted(String type, UUID id, long version, Scope scope) {
        write(type, id, version, scope, Op.upsert);
    }

    /** The record was deleted; clients receive a tombstone. */
    public void deleted(String type, UUID id, long version, Scope scope) {
        write(type, id, version, scope, Op.delete);
    }

    private void write(String type, UUID id, long version, Scope scope, Op op) {
        // Entity changes of this transaction must reach the database first, so that a reader never sees the change
        // row before the record it announces.
        entityManager.flush();
        entityManager
                .createNativeQuery(INSERT)
                .setParameter(1, type)
                .setParameter(2, id)
                .setParameter(3, scope.partnershipId())
                .setParameter(4, scope.accountId())
                .setParameter(5, op.name())
                .setParameter(6, version)
                .executeUpdate();
        String event = types.integrationEvents(type).typeOf(op);
        if (event != null && scope.partnershipId() != null) {
            announcements.announce(new PartnershipEvent.RecordChanged(
                    scope.partnershipId(), event, clock.instant(), type, id, op, version));
        }
    }
}
