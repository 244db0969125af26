package app.partnersync.partnership;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.sync.SyncMutation;
import app.partnersync.sync.SyncedType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            "e.partnershipId in (" + Memberships.partnershipsOfAccount(":account") + ")";

    private final String name;
    private final Class<E> entity;
    private final EntityManager entityManager;
    private final BiFunction<List<E>, UUID, List<Versioned>> views;
    private final Function<List<E>, List<Versioned>> integrationViews;

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
        this(name, entity, entityManager, views, null);
    }

    /**
     * Rows whose view depends on who asks, and with private or member-only parts that an integration (a webhook
     * payload) must never see: {@code integrationViews} builds the view without them.
     */
    protected PartnershipSyncedType(
            String name,
            Class<E> entity,
            EntityManager entityManager,
            BiFunction<List<E>, UUID, List<Versioned>> views,
            Function<List<E>, List<Versioned>> integrationViews) {
        this.name = name;
        this.entity = entity;
        this.entityManager = entityManager;
        this.views = views;
        this.integrationViews = integrationViews;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return views.apply(visible(ids, accountId), accountId).stream()
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    /** The record as an integration may see it: the member's view, or the integration view when there is one. */
    @Override
    public final Object integrationRecord(UUID id, UUID member) {
        List<E> rows = visible(List.of(id), member);
        if (rows.isEmpty()) {
            return null;
        }
        List<Versioned> shown = integrationViews == null ? views.apply(rows, member) : integrationViews.apply(rows);
        return shown.get(0).record();
    }

    private List<E> visible(Collection<UUID> ids, UUID accountId) {
        return entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where e.id in :ids and " + MEMBER_OF, entity)
                .setParameter("ids", ids)
                .setParameter("account", accountId)
                .getResultList();
    }

    @Override
    public final List<Versioned> snapshot(UUID accountId, UUID partnershipId, UUID afterId, int limit) {
        var query = entityManager
                .createQuery(
                        "select e from " + entity.getSimpleName() + " e where " + MEMBER_OF
                                + (partnershipId == null ? "" : " and e.partnershipId = :partnership")
                                + (afterId == null ? "" : " and e.id > :after") + " order by e.id",
                        entity)
                .setParameter("account", accountId)
                .setMaxResults(limit);
        if (partnershipId != null) {
            query.setParameter("partnership", partnershipId);
        }
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return views.apply(query.getResultList(), accountId);
    }

    /**
     * For a pushed mutation: the row {@code id} locked, when the caller is a member of its partnership (another
     * partnership's ids are not found, as everywhere).
     */
    protected final Optional<E> lockedForMember(UUID id, UUID accountId) {
        return entityManager
                .createQuery("select e from " + entity.getSimpleName() + " e where e.id = :id and " + MEMBER_OF, entity)
                .setParameter("id", id)
                .setParameter("account", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** The row as {@code viewer} sees it (a conflict's current record). */
    protected final Versioned viewOf(E row, UUID viewer) {
        return views.apply(List.of(row), viewer).get(0);
    }

    /** Written through its REST resource only. */
    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Records of type '" + name + "' are written through their REST resource, not through sync.");
    }
}
