package app.partnersync.sync;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A synced type whose rows carry {@code partnershipId} and are visible to that partnership's members: load and
 * snapshot are one query each, scoped by the caller's memberships. {@code views} turns a batch of rows into what the
 * caller may see (it may look up more per batch, never per row). Not pushable unless a subclass overrides
 * {@link #apply}. Subclasses are {@code @Singleton} beans (no client proxy, so constructor arguments need no
 * no-args fallback).
 */
public abstract class PartnershipSyncedType<E> implements SyncedType {

    private static final String MEMBER_OF =
            "e.partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = :account)";

    private final String name;
    private final Class<E> entity;
    private final EntityManager entityManager;
    private final BiFunction<List<E>, UUID, List<Versioned>> views;

    /** Rows that look the same to both members. */
    protected PartnershipSyncedType(
            String name, Class<E> entity, EntityManager entityManager, Function<E, Versioned> versioned) {
        this(
                name,
                entity,
                entityManager,
                (rows, viewer) -> rows.stream().map(versioned).toList());
    }

    /** Rows whose view depends on who asks (private fields). */
    protected PartnershipSyncedType(
            String name,
            Class<E> entity,
            EntityManager entityManager,
            BiFunction<List<E>, UUID, List<Versioned>> views) {
        this.name = name;
        this.entity = entity;
        this.entityManager = entityManager;
        this.views = views;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        List<E> rows = entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where e.id in :ids and " + MEMBER_OF, entity)
                .setParameter("ids", ids)
                .setParameter("account", accountId)
                .getResultList();
        return views.apply(rows, accountId).stream().collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    @Override
    public final List<Versioned> snapshot(UUID accountId, UUID afterId, int limit) {
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

    /** Written through its REST resource only. */
    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Records of type '" + name + "' are written through their REST resource, not through sync.");
    }
}
