package app.partnersync.commitment;

import app.partnersync.sync.SyncedType.Versioned;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The load and snapshot queries of a synced type whose rows carry {@code partnershipId}: visible to the members of
 * that partnership, scoped in the query by the caller's memberships.
 */
final class PartnershipRecords<E> {

    private static final String MEMBER_OF =
            "e.partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = :account)";

    private final Class<E> entity;
    private final Function<E, Versioned> versioned;

    PartnershipRecords(Class<E> entity, Function<E, Versioned> versioned) {
        this.entity = entity;
        this.versioned = versioned;
    }

    Map<UUID, Versioned> load(EntityManager entityManager, Collection<UUID> ids, UUID accountId) {
        return entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where e.id in :ids and " + MEMBER_OF, entity)
                .setParameter("ids", ids)
                .setParameter("account", accountId)
                .getResultList()
                .stream()
                .map(versioned)
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    List<Versioned> snapshot(EntityManager entityManager, UUID accountId, UUID afterId, int limit) {
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
        return query.getResultList().stream().map(versioned).toList();
    }
}
