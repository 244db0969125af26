package app.partnersync.insight;

import app.partnersync.cadence.CadenceService;
import app.partnersync.commitment.FollowThrough;
import app.partnersync.commitment.FollowThroughService;
import app.partnersync.commitment.Weeks;
import app.partnersync.common.SqlValues;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trust dashboard: per member and week, check-ins held against scheduled, average scores (the partner's shared
 * ones only), follow-through and moments; and the partnership's trend. Each series is one set-based query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

    /**
     * Check-ins held and average scores per member and week of the check-in's start. The caller's own scores all
     * count; the partner's only where shared and the check-in is no longer open (sealed answers stay sealed).
     */
    private static final String CHECK_INS = """
            select e.author_id,
                   date_trunc('week', c.started_at at time zone a.time_zone)::date as week_start,
                   count(*) as held,
                   round(avg(e.mood) filter (where e.author_id = ?4 or (e.mood_shared and c.status <> 'open')), 2)
                       as mood,
                   round(avg(e.safety) filter (where e.author_id = ?4 or (e.safety_shared and c.status <> 'open')), 2)
                       as safety,
                   round(avg(e.connection)
                         filter (where e.author_id = ?4 or (e.connection_shared and c.status <> 'open')), 2)
                       as connection
            from check_in c
            join check_in_entry e on e.check_in_id = c.id
            join account a on a.id = e.author_id
            where c.partnership_id = ?1 and c.started_at >= ?2 and c.started_at < ?3 and e.submitted_at is not null
            group by e.author_id, week_start""";

    private static final String MOMENTS = """
            select m.author_id, date_trunc('week', m.created_at at time zone a.time_zone)::date as week_start,
                   count(*) as given
            from moment m join account a on a.id = m.author_id
            where m.partnership_id = ?1 and m.created_at >= ?2 and m.created_at < ?3
            group by m.author_id, week_start""";

    private static final String TREND = """
            select count(*) filter (where status = 'kept' and due_at >= ?2) as recent_kept,
                   count(*) filter (where status = 'missed' and due_at >= ?2) as recent_missed,
                   count(*) filter (where status = 'kept' and due_at < ?2) as previous_kept,
                   count(*) filter (where status = 'missed' and due_at < ?2) as previous_missed
            from occurrence where partnership_id = ?1 and due_at >= ?3 and due_at < ?4""";

    private final PartnershipAccess access;
    private final Memberships memberships;
    private final FollowThroughService followThrough;
    private final CadenceService cadences;
    private final EntityManager entityManager;
    private final Clock clock;

    public OverviewService(
            PartnershipAccess access,
            Memberships memberships,
            FollowThroughService followThrough,
            CadenceService cadences,
            EntityManager entityManager,
            Clock clock) {
        this.access = access;
        this.memberships = memberships;
        this.followThrough = followThrough;
        this.cadences = cadences;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The overview over {@code window} (the default one when null), ending now. */
    public TrustOverview overview(UUID accountId, UUID partnershipId, TrustOverview.Window window) {
        TrustOverview.Window shown = window == null ? TrustOverview.Window.DEFAULT : window;
        access.requireMember(accountId, partnershipId);
        // An integration token reads scores as a partner would (shared, unsealed), and only with every member's
        // consent to integrations reading check-ins.
        boolean integration = access.byIntegration();
        boolean scores = !integration || access.sensitiveConsentGiven(partnershipId);
        UUID reader = access.reader(accountId);
        Instant to = clock.instant();
        Instant from = to.minus(shown.length());

        Map<Key, Cell> cells = new HashMap<>();
        for (Tuple row : rows(CHECK_INS, partnershipId, from, to, reader)) {
            Cell cell = cells.computeIfAbsent(Key.of(row, "author_id"), k -> new Cell());
            cell.held = SqlValues.count(row.get("held"));
            if (scores) {
                cell.mood = row.get("mood", BigDecimal.class);
                cell.safety = row.get("safety", BigDecimal.class);
                cell.connection = row.get("connection", BigDecimal.class);
            }
        }
        for (FollowThroughService.WeekOutcomes week : followThrough.weeklyOutcomes(partnershipId, from, to)) {
            Cell cell = cells.computeIfAbsent(new Key(week.memberId(), week.weekStart()), k -> new Cell());
            cell.kept = week.kept();
            cell.missed = week.missed();
        }
        for (Tuple row : rows(MOMENTS, partnershipId, from, to, null)) {
            cells.computeIfAbsent(Key.of(row, "author_id"), k -> new Cell()).moments =
                    SqlValues.count(row.get("given"));
        }
        List<Instant> scheduled = cadences.scheduledStarts(partnershipId, from, to);

        List<TrustOverview.Member> members = new ArrayList<>();
        for (Memberships.Profile person : memberships.profiles(partnershipId)) {
            UUID id = person.accountId();
            ZoneId zone = person.timeZone();
            Map<LocalDate, Integer> scheduledPerWeek = new HashMap<>();
            scheduled.forEach(start -> scheduledPerWeek.merge(Weeks.mondayOf(start, zone), 1, Integer::sum));
            List<TrustOverview.Week> weeks = new ArrayList<>();
            for (LocalDate monday : Weeks.overlapping(from, to, zone)) {
                Cell cell = cells.getOrDefault(new Key(id, monday), new Cell());
                weeks.add(new TrustOverview.Week(
                        monday,
                        scheduledPerWeek.getOrDefault(monday, 0),
                        cell.held,
                        cell.mood,
                        cell.safety,
                        cell.connection,
                        cell.kept,
                        cell.missed,
                        FollowThrough.rate(cell.kept, cell.missed),
                        cell.moments));
            }
            members.add(new TrustOverview.Member(id, person.displayName(), id.equals(accountId), weeks));
        }
        return new TrustOverview(partnershipId, shown, from, to, trend(partnershipId, to), members);
    }

    private TrustOverview.Trend trend(UUID partnershipId, Instant now) {
        Tuple row = (Tuple) entityManager
                .createNativeQuery(TREND, Tuple.class)
                .setParameter(1, partnershipId)
                .setParameter(2, Trends.recentFrom(now))
                .setParameter(3, Trends.previousFrom(now))
                .setParameter(4, now)
                .getSingleResult();
        return Trends.of(
                SqlValues.count(row.get("recent_kept")),
                SqlValues.count(row.get("recent_missed")),
                SqlValues.count(row.get("previous_kept")),
                SqlValues.count(row.get("previous_missed")));
    }

    private List<Tuple> rows(String sql, UUID partnershipId, Instant from, Instant to, UUID viewer) {
        Query query = entityManager
                .createNativeQuery(sql, Tuple.class)
                .setParameter(1, partnershipId)
                .setParameter(2, from)
                .setParameter(3, to);
        if (viewer != null) {
            query.setParameter(4, viewer);
        }
        return SqlValues.tuples(query);
    }

    private record Key(UUID memberId, LocalDate weekStart) {

        /** The key of a series row: its member column and its {@code week_start}. */
        static Key of(Tuple row, String member) {
            return new Key(row.get(member, UUID.class), SqlValues.localDate(row.get("week_start")));
        }
    }

    /** What one member did in one week, filled from the series. */
    private static final class Cell {
        int held;
        BigDecimal mood;
        BigDecimal safety;
        BigDecimal connection;
        int kept;
        int missed;
        int moments;
    }
}
