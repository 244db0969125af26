package app.partnersync.commitment;

import app.partnersync.partnership.PartnershipAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The progress of commitments with a goal target ({@link GoalProgress}), for any number of commitments in at most two
 * queries (the zones of one-off promisers, the kept occurrences of every window), and the goals insight.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Goals {

    /** Undisputed kept occurrences of the named commitments due in [from, to): a disputed kept does not count. */
    private static final String KEPT = """
            select o.commitmentId as commitmentId, o.dueAt as dueAt, coalesce(o.recordedAt, o.dueAt) as keptAt
            from Occurrence o
            where o.partnershipId in :partnerships and o.commitmentId in :commitments
              and o.status = app.partnersync.commitment.Occurrence.Status.kept
              and (o.confirmation is null or o.confirmation <> app.partnersync.commitment.Occurrence.Verdict.disputed)
              and o.dueAt >= :from and o.dueAt < :to""";

    private final PartnershipAccess access;
    private final EntityManager entityManager;
    private final Clock clock;

    public Goals(PartnershipAccess access, EntityManager entityManager, Clock clock) {
        this.access = access;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A goal of the partnership and where it stands (the contract's {@code Goal}). */
    public record Goal(
            UUID commitmentId,
            String title,
            List<UUID> promisedBy,
            Commitment.Status status,
            GoalTarget target,
            GoalProgress progress) {}

    /** Every goal of the partnership (the contract's {@code GoalsInsight}), oldest commitment first. */
    public record GoalsInsight(Instant asOf, List<Goal> goals) {}

    /** Every commitment of the partnership with a target, and its progress now. */
    public GoalsInsight insight(UUID accountId, UUID partnershipId) {
        access.requireMember(accountId, partnershipId);
        Instant now = clock.instant();
        List<Goal> goals = withProgress(goalsOf(partnershipId), now).stream()
                .map(c -> new Goal(c.id(), c.title(), c.promisedBy(), c.status(), c.target(), c.progress()))
                .toList();
        return new GoalsInsight(now, goals);
    }

    /** A goal met in its current window: which commitment, which window, when. */
    public record Achieved(UUID commitmentId, GoalProgress progress) {}

    /** The partnership's goals whose target is met in their current window; the caller checked membership. */
    public List<Achieved> achieved(UUID partnershipId) {
        return withProgress(goalsOf(partnershipId), clock.instant()).stream()
                .filter(c ->
                        c.status() == Commitment.Status.active && c.progress().achievedAt() != null)
                .map(c -> new Achieved(c.id(), c.progress()))
                .toList();
    }

    CommitmentView withProgress(CommitmentView view) {
        return withProgress(List.of(view)).get(0);
    }

    /** The views with the progress of those that have a target, now. */
    List<CommitmentView> withProgress(List<CommitmentView> views) {
        return withProgress(views, clock.instant());
    }

    private List<CommitmentView> withProgress(List<CommitmentView> views, Instant now) {
        List<CommitmentView> goals =
                views.stream().filter(v -> v.target() != null).toList();
        if (goals.isEmpty()) {
            return views;
        }
        Map<UUID, ZoneId> zones = zones(goals);
        Map<UUID, GoalProgress.Window> windows = new LinkedHashMap<>();
        for (CommitmentView goal : goals) {
            ZoneId zone = zones.getOrDefault(goal.id(), ZoneOffset.UTC);
            windows.put(
                    goal.id(),
                    GoalProgress.window(
                            goal.recurrence() != null && goal.recurrence().startsOn() != null
                                    ? goal.recurrence().startsOn()
                                    : goal.createdAt().atZone(zone).toLocalDate(),
                            goal.target().windowDays(),
                            zone,
                            now));
        }
        Map<UUID, List<Instant>> kept = kept(goals, windows);
        return views.stream()
                .map(v -> v.target() == null
                        ? v
                        : v.withProgress(GoalProgress.of(
                                windows.get(v.id()), v.target().count(), kept.getOrDefault(v.id(), List.of()), now)))
                .toList();
    }

    /**
     * The promiser's zone of each goal: a recurring commitment's own zone (its occurrences fall in it), else the first
     * promiser's, else UTC (no promiser left).
     */
    private Map<UUID, ZoneId> zones(List<CommitmentView> goals) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        Map<UUID, UUID> firstPromiser = new HashMap<>();
        for (CommitmentView goal : goals) {
            if (goal.recurrence() != null && goal.recurrence().timeZone() != null) {
                zones.put(goal.id(), ZoneId.of(goal.recurrence().timeZone()));
            } else if (!goal.promisedBy().isEmpty()) {
                firstPromiser.put(goal.id(), goal.promisedBy().get(0));
            }
        }
        if (!firstPromiser.isEmpty()) {
            Map<UUID, ZoneId> byAccount = entityManager
                    .createQuery("select a.id, a.timeZone from Account a where a.id in :ids", Tuple.class)
                    .setParameter("ids", Set.copyOf(firstPromiser.values()))
                    .getResultStream()
                    .collect(Collectors.toMap(t -> t.get(0, UUID.class), t -> ZoneId.of(t.get(1, String.class))));
            firstPromiser.forEach((goal, account) -> {
                if (byAccount.containsKey(account)) {
                    zones.put(goal, byAccount.get(account));
                }
            });
        }
        return zones;
    }

    /** When each undisputed kept occurrence due in its goal's window was recorded, by goal, in one query. */
    private Map<UUID, List<Instant>> kept(List<CommitmentView> goals, Map<UUID, GoalProgress.Window> windows) {
        Instant from = windows.values().stream()
                .map(GoalProgress.Window::start)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant to = windows.values().stream()
                .map(GoalProgress.Window::end)
                .max(Instant::compareTo)
                .orElseThrow();
        Collection<UUID> partnerships =
                goals.stream().map(CommitmentView::partnershipId).collect(Collectors.toSet());
        Map<UUID, List<Instant>> kept = new HashMap<>();
        for (Tuple row : entityManager
                .createQuery(KEPT, Tuple.class)
                .setParameter("partnerships", partnerships)
                .setParameter("commitments", windows.keySet())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()) {
            UUID commitment = row.get("commitmentId", UUID.class);
            if (windows.get(commitment).contains(row.get("dueAt", Instant.class))) {
                kept.computeIfAbsent(commitment, id -> new ArrayList<>()).add(row.get("keptAt", Instant.class));
            }
        }
        return kept;
    }

    private static List<CommitmentView> goalsOf(UUID partnershipId) {
        return Commitment.<Commitment>list(
                        "partnershipId = ?1 and targetCount is not null order by createdAt, id", partnershipId)
                .stream()
                .map(CommitmentView::of)
                .toList();
    }
}
