package app.partnersync.commitment;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.common.SqlValues;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.UUID;

/**
 * Commitments are shared history: on account deletion the partner keeps them, with the deleted person's id removed
 * from promisers, authorship, outcomes, verdicts and the outcome history. (The export sections are {@link CommitmentExport} and
 * {@link OccurrenceExport}.)
 */
@ApplicationScoped
public class CommitmentAccountData implements AccountErasure {

    private final EntityManager entityManager;
    private final ChangeLog changes;

    public CommitmentAccountData(EntityManager entityManager, ChangeLog changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    @Override
    public void erase(UUID accountId) {
        String id = accountId.toString();
        announce(
                CommitmentService.SYNC_TYPE,
                entityManager
                        .createNativeQuery(
                                "update commitment set promised_by = trim(both ',' from replace(replace(promised_by, ?1, ''), ',,', ',')),"
                                        + " created_by = case when created_by = ?2 then null else created_by end,"
                                        + " version = version + 1 where promised_by like ?3 or created_by = ?2"
                                        + " returning id, partnership_id, version",
                                Tuple.class)
                        .setParameter(1, id)
                        .setParameter(2, accountId)
                        .setParameter(3, "%" + id + "%"));
        announce(
                CommitmentService.OCCURRENCE_TYPE,
                entityManager
                        .createNativeQuery(
                                "update occurrence set promiser_id = case when promiser_id = ?1 then null else promiser_id end,"
                                        + " confirmed_by = case when confirmed_by = ?1 then null else confirmed_by end,"
                                        + " version = version + 1 where promiser_id = ?1 or confirmed_by = ?1"
                                        + " or id in (select h.occurrence_id from occurrence_history h where h.actor_id = ?1)"
                                        + " returning id, partnership_id, version",
                                Tuple.class)
                        .setParameter(1, accountId));
        // The history keeps what happened, no longer who did it (the occurrences above were announced changed).
        entityManager
                .createNativeQuery("update occurrence_history set actor_id = null where actor_id = ?1")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    /** The partner's devices learn that the records changed (they now show a former member). */
    private void announce(String type, Query changed) {
        for (Tuple row : SqlValues.tuples(changed)) {
            changes.upserted(
                    type,
                    row.get("id", UUID.class),
                    row.get("version", Number.class).longValue(),
                    ChangeLog.Scope.partnership(row.get("partnership_id", UUID.class)));
        }
    }
}
