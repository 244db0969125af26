package app.partnersync.commitment;

import app.partnersync.common.ProblemException;
import app.partnersync.common.SqlValues;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follow-through per member, computed by PostgreSQL in three set-based queries (totals with streaks, the weekly
 * series, the member list) whatever the number of occurrences: rows are aggregated where they live.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FollowThroughService {

    static final Map<String, Duration> WINDOWS = Map.of(
            "7d",
            Duration.ofDays(7),
            "30d",
            Duration.ofDays(30),
            "90d",
            Duration.ofDays(90),
            "365d",
            Duration.ofDays(365));

    /**
     * Counts, acknowledged misses, and streaks of kept occurrences (renegotiated and cancelled ones neither break nor
     * extend a streak): islands of equal outcome are numbered by the difference of two row numbers. The counts are
     * grouped per member before the streaks are joined, and the streaks are materialized: PostgreSQL's generic plan
     * for this prepared statement (chosen after five executions, estimating one row per CTE) otherwise joined the
     * streaks to every occurrence in a nested loop and recomputed them per row, 50-70 ms instead of 2-3 ms for a
     * partnership with 500 occurrences in the window (bench/explain.sql shows both plans).
     */
    static final String TOTALS = """
            with window_rows as (
                select o.promiser_id, o.status, o.due_at, o.id, o.missed_at, o.acknowledged_at
                from occurrence o
                where o.partnership_id = ?1 and o.promiser_id is not null and o.due_at >= ?2 and o.due_at < ?3
            ),
            decided as (
                select promiser_id, status, due_at,
                       row_number() over (partition by promiser_id order by due_at, id)
                     - row_number() over (partition by promiser_id, status order by due_at, id) as island
                from window_rows where status in ('kept', 'missed')
            ),
            islands as (
                select promiser_id, status, island, count(*) as length, max(due_at) as last_due
                from decided group by promiser_id, status, island
            ),
            streaks as materialized (
                select promiser_id,
                       coalesce(max(length) filter (where status = 'kept'), 0) as longest,
                       coalesce((array_agg(case when status = 'kept' then length else 0 end order by last_due desc))[1], 0)
                           as current
                from islands group by promiser_id
            ),
            counts as (
                select w.promiser_id,
                       count(*) filter (where w.status = 'kept') as kept,
                       count(*) filter (where w.status = 'missed') as missed,
                       count(*) filter (where w.status = 'renegotiated') as renegotiated,
                       count(*) filter (where w.status = 'cancelled') as cancelled,
                       count(*) filter (where w.status = 'missed' and w.acknowledged_at is not null
                                        and w.acknowledged_at <= coalesce(w.missed_at, w.due_at) + interval '24 hours')
                           as acknowledged
                from window_rows w group by w.promiser_id
            )
            select c.promiser_id, c.kept, c.missed, c.renegotiated, c.cancelled, c.acknowledged,
                   coalesce(s.current, 0), coalesce(s.longest, 0)
            from counts c left join streaks s on s.promiser_id = c.promiser_id""";

    /** Kept / missed / renegotiated per member and week, the week starting on Monday in the member's own zone. */
    private static final String WEEKS = """
            select o.promiser_id,
                   date_trunc('week', o.due_at at time zone a.time_zone)::date as week_start,
                   count(*) filter (where o.status = 'kept'),
                   count(*) filter (where o.status = 'missed'),
                   count(*) filter (where o.status = 'renegotiated')
            from occurrence o
            join (%s) a on a.account_id = o.promiser_id
            where o.partnership_id = ?1 and o.due_at >= ?2 and o.due_at < ?3
            group by o.promiser_id, week_start
            order by o.promiser_id, week_start""".formatted(Memberships.MEMBER_ZONES);

    private final PartnershipAccess access;
    private final Memberships memberships;
    private final EntityManager entityManager;
    private final Clock clock;

    public FollowThroughService(
            PartnershipAccess access, Memberships memberships, EntityManager entityManager, Clock clock) {
        this.access = access;
        this.memberships = memberships;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public FollowThrough compute(UUID accountId, UUID partnershipId, String window) {
        Duration length = WINDOWS.get(window == null ? "30d" : window);
        if (length == null) {
            throw ProblemException.invalidField("window", "must be one of 7d, 30d, 90d, 365d");
        }
        access.requireMember(accountId, partnershipId);
        Instant to = clock.instant();
        Instant from = to.minus(length);
        Map<UUID, Object[]> totals = new LinkedHashMap<>();
        for (Object[] row : rows(TOTALS, partnershipId, from, to)) {
            totals.put((UUID) row[0], row);
        }
        Map<UUID, List<FollowThrough.Week>> weeks = new LinkedHashMap<>();
        for (Object[] row : rows(WEEKS, partnershipId, from, to)) {
            int kept = SqlValues.count(row[2]);
            int missed = SqlValues.count(row[3]);
            weeks.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new FollowThrough.Week(
                            SqlValues.localDate(row[1]),
                            kept,
                            missed,
                            SqlValues.count(row[4]),
                            FollowThrough.rate(kept, missed)));
        }
        List<FollowThrough.Member> members = new ArrayList<>();
        for (Memberships.Profile person : memberships.profiles(partnershipId)) {
            UUID id = person.accountId();
            Object[] t = totals.get(id);
            int kept = t == null ? 0 : SqlValues.count(t[1]);
            int missed = t == null ? 0 : SqlValues.count(t[2]);
            int acknowledged = t == null ? 0 : SqlValues.count(t[5]);
            members.add(new FollowThrough.Member(
                    id,
                    person.displayName(),
                    kept,
                    missed,
                    t == null ? 0 : SqlValues.count(t[3]),
                    t == null ? 0 : SqlValues.count(t[4]),
                    FollowThrough.rate(kept, missed),
                    t == null ? 0 : SqlValues.count(t[6]),
                    t == null ? 0 : SqlValues.count(t[7]),
                    acknowledged,
                    missed == 0 ? null : (double) acknowledged / missed,
                    everyWeek(weeks.getOrDefault(id, List.of()), person.timeZone(), from, to)));
        }
        return new FollowThrough(window == null ? "30d" : window, from, to, members);
    }

    /** Kept and missed occurrences of one member in one week (Monday-based in the member's own zone). */
    public record WeekOutcomes(UUID memberId, java.time.LocalDate weekStart, int kept, int missed) {}

    /** The weekly outcome series of every member, in one query; the caller checked membership. */
    public List<WeekOutcomes> weeklyOutcomes(UUID partnershipId, Instant from, Instant to) {
        return rows(WEEKS, partnershipId, from, to).stream()
                .map(row -> new WeekOutcomes(
                        (UUID) row[0], SqlValues.localDate(row[1]), SqlValues.count(row[2]), SqlValues.count(row[3])))
                .toList();
    }

    /** One entry per week overlapping the window (Monday-based in the member's zone), empty weeks as zeros. */
    private static List<FollowThrough.Week> everyWeek(
            List<FollowThrough.Week> counted, java.time.ZoneId zone, Instant from, Instant to) {
        Map<java.time.LocalDate, FollowThrough.Week> byStart = new LinkedHashMap<>();
        counted.forEach(week -> byStart.put(week.weekStart(), week));
        List<FollowThrough.Week> all = new ArrayList<>();
        java.time.LocalDate last = to.atZone(zone).toLocalDate();
        for (java.time.LocalDate monday = from.atZone(zone).toLocalDate().with(java.time.DayOfWeek.MONDAY);
                !monday.isAfter(last);
                monday = monday.plusWeeks(1)) {
            all.add(byStart.getOrDefault(monday, new FollowThrough.Week(monday, 0, 0, 0, null)));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID partnershipId, Instant from, Instant to) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter(1, partnershipId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
    }
}
