package app.partnersync.commitment;

import app.partnersync.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every change of an occurrence's outcome, kept so that both members can see how a number came to be. Rows are only
 * added, in the transaction that made the change (which holds the occurrence's row lock), and read a batch at a time.
 */
@ApplicationScoped
public class OccurrenceHistory {

    /** What happened to the outcome. */
    public enum Event {
        recorded,
        missed_automatically,
        revision_requested,
        revision_accepted,
        revision_declined,
        revision_lapsed,
        confirmed,
        disputed
    }

    /** One change (the contract's {@code OccurrenceHistoryEntry}); {@code by} is null for the service. */
    public record Entry(Event event, Occurrence.Status outcome, UUID by, String note, Instant at, Instant occurredAt) {}

    /**
     * An INSERT of one history row per row of a preceding {@code changed} CTE ({@code partnership_id, id}), for changes
     * the service makes in SQL (a sweep) within the same statement: {@code outcomeSql} and {@code atSql} are SQL
     * expressions, never values.
     */
    static String appendedBy(String event, String outcomeSql, String atSql) {
        return "insert into occurrence_history (partnership_id, occurrence_id, event, outcome, received_at, occurred_at)"
                + " select partnership_id, id, '" + event + "', " + outcomeSql + ", " + atSql + ", " + atSql
                + " from changed";
    }

    private static final String COLUMNS =
            "select h.occurrence_id, h.event, h.outcome, h.actor_id, h.note, h.received_at, h.occurred_at"
                    + " from occurrence_history h";

    private final EntityManager entityManager;

    public OccurrenceHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a change of {@code occurrence} made by {@code actor} (null: the service). */
    void add(
            Occurrence occurrence,
            Event event,
            Occurrence.Status outcome,
            UUID actor,
            String note,
            Instant received,
            Instant occurredAt) {
        entityManager
                .createNativeQuery("insert into occurrence_history (partnership_id, occurrence_id, event, outcome,"
                        + " actor_id, note, received_at, occurred_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, occurrence.partnershipId)
                .setParameter(2, occurrence.id)
                .setParameter(3, event.name())
                .setParameter(4, outcome == null ? null : outcome.name())
                .setParameter(5, actor)
                .setParameter(6, note)
                .setParameter(7, received)
                .setParameter(8, occurredAt)
                .executeUpdate();
    }

    /** The history of each of {@code occurrences} (all of one or more partnerships the caller may see), oldest first. */
    Map<UUID, List<Entry>> of(Collection<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return Map.of();
        }
        List<UUID> partnerships =
                occurrences.stream().map(o -> o.partnershipId).distinct().toList();
        List<UUID> ids = occurrences.stream().map(o -> o.id).toList();
        return grouped(entityManager
                .createNativeQuery(
                        COLUMNS + " where h.partnership_id in (?1) and h.occurrence_id in (?2) order by h.seq",
                        Tuple.class)
                .setParameter(1, partnerships)
                .setParameter(2, ids));
    }

    /** The history of every occurrence of the account's partnerships, for its export. */
    Map<UUID, List<Entry>> ofAccount(UUID accountId) {
        return grouped(entityManager
                .createNativeQuery(
                        COLUMNS + " where h.partnership_id in (select m.partnership_id from partnership_member m"
                                + " where m.account_id = ?1) order by h.seq",
                        Tuple.class)
                .setParameter(1, accountId));
    }

    private static Map<UUID, List<Entry>> grouped(Query query) {
        Map<UUID, List<Entry>> byOccurrence = new HashMap<>();
        for (Tuple row : SqlValues.tuples(query)) {
            String outcome = row.get("outcome", String.class);
            byOccurrence
                    .computeIfAbsent(row.get("occurrence_id", UUID.class), id -> new ArrayList<>())
                    .add(new Entry(
                            Event.valueOf(row.get("event", String.class)),
                            outcome == null ? null : Occurrence.Status.valueOf(outcome),
                            row.get("actor_id", UUID.class),
                            row.get("note", String.class),
                            SqlValues.instant(row.get("received_at")),
                            SqlValues.instant(row.get("occurred_at"))));
        }
        return byOccurrence;
    }
}
