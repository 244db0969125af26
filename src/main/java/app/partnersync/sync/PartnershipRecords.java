package app.partnersync.sync;

import app.partnersync.sync.SyncedType.Versioned;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The load and snapshot queries of a synced type whose rows carry {@code partnershipId} and are visible to that
 * partnership's members, scoped in the query by the caller's memberships. {@code views} turns a batch of rows into
 * what the caller may see (it may look up more per batch, never per row).
 */
public final class PartnershipRecords<E> {

    private static final String MEMBER_OF =
            "e.partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = :account)";

    private final Class<E> entity;
    private final java.util.function.BiFunction<List<E>, UUID, List<Versioned>> views;

    /** Rows that look the same to both members. */
    public PartnershipRecords(Class<E> entity, Function<E, Versioned> versioned) {
        this(entity, (rows, viewer) -> rows.stream().map(versioned).toList());
    }

    /** Rows whose view depends on who asks (private fields). */
    public PartnershipRecords(Class<E> entity, java.util.function.BiFunction<List<E>, UUID, List<Versioned>> views) {
        this.entity = entity;
        this.views = views;
    }

    public Map<UUID, Versioned> load(EntityManager entityManager, Collection<UUID> ids, UUID accountId) {
        List<E> rows = entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where e.id in :ids and " + MEMBER_OF, entity)
                .setParameter("ids", ids)
                .setParameter("account", accountId)
                .getResultList();
        return views.apply(rows, accountId).stream().collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    public List<Versioned> snapshot(EntityManager entityManager, UUID accountId, UUID afterId, int limit) {
        var query = entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where " + MEMBER_OF
                                + (afterId == null ? "" : " and e.id > :after") + " order by e.id",
                        entity)
                .setParameter("account", accountId)
                .setMaxResults(limit);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return views.apply(query.getResultList(), accountId);
    }
}
