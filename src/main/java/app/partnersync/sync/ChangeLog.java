package app.partnersync.sync;

import app.partnersync.common.PartnershipEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Where synced records announce their changes, in the writing transaction: a change that rolls back was never
 * announced, and one that commits is in the feed and on the live stream (a trigger NOTIFYs every instance).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    private static final String INSERT =
            "insert into sync_change (record_type, record_id, partnership_id, account_id, op, version)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)";

    /** Sync types whose changes integrations hear of, and the event family each belongs to. */
    private static final Map<String, String> EVENT_TYPES = Map.of(
            "partnership", "partnership",
            "commitment", "commitment",
            "occurrence", "commitment.occurrence",
            "check_in", "checkin",
            "cadence", "checkin.cadence",
            "repair_plan", "checkin.repair_plan",
            "moment", "moment");

    private final EntityManager entityManager;
    private final Event<PartnershipEvent> events;
    private final Clock clock;

    public ChangeLog(EntityManager entityManager, Event<PartnershipEvent> events, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
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
        write(type, id, version, scope, "upsert");
    }

    /** The record was deleted; clients receive a tombstone. */
    public void deleted(String type, UUID id, long version, Scope scope) {
        write(type, id, version, scope, "delete");
    }

    private void write(String type, UUID id, long version, Scope scope, String op) {
        // Entity changes of this transaction must reach the database first, so that a reader never sees the change
        // row before the record it announces.
        entityManager.flush();
        entityManager
                .createNativeQuery(INSERT)
                .setParameter(1, type)
                .setParameter(2, id)
                .setParameter(3, scope.partnershipId())
                .setParameter(4, scope.accountId())
                .setParameter(5, op)
                .setParameter(6, version)
                .executeUpdate();
        String family = EVENT_TYPES.get(type);
        if (family != null && scope.partnershipId() != null) {
            events.fire(new PartnershipEvent(
                    scope.partnershipId(),
                    family + ("delete".equals(op) ? ".deleted" : ".updated"),
                    clock.instant(),
                    type,
                    id,
                    op,
                    version,
                    null));
        }
    }
}
