package app.partnersync.insight;

import app.partnersync.cadence.CadenceService;
import app.partnersync.commitment.FollowThroughService;
import app.partnersync.common.ProblemException;
import app.partnersync.common.SqlValues;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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

    static final Map<String, Duration> WINDOWS = Map.of(
            "30d", Duration.ofDays(30),
            "90d", Duration.ofDays(90),
            "180d", Duration.ofDays(180),
            "365d", Duration.ofDays(365));

    static final String DEFAULT_WINDOW = "90d";

    /** The trend compares this many days with as many before them, whatever the window. */
    static final Duration TREND_PERIOD = Duration.ofDays(28);

    /** A change in follow-through of at least this much is a rise or a fall. */
    static final double TREND_STEP = 0.05;

    /** Fewer kept-or-missed occurrences than this in either period: too little to call a trend. */
    static final int TREND_MINIMUM = 3;

    /**
     * Check-ins held and average scores per member and week of the check-in's start. The caller's own scores all
     * count; the partner's only where shared and the check-in is no longer open (sealed answers stay sealed).
     */
    private static final String CHECK_INS = """
            select e.author_id,
                   date_trunc('week', c.started_at at time zone a.time_zone)::date as week_start,
                   count(*),
                   round(avg(e.mood) filter (where e.author_id = ?4 or (e.mood_shared and c.status <> 'open')), 2),
                   round(avg(e.safety) filter (where e.author_id = ?4 or (e.safety_shared and c.status <> 'open')), 2),
                   round(avg(e.connection)
                         filter (where e.author_id = ?4 or (e.connection_shared and c.status <> 'open')), 2)
            from check_in c
            join check_in_entry e on e.check_in_id = c.id
            join account a on a.id = e.author_id
            where c.partnership_id = ?1 and c.started_at >= ?2 and c.started_at < ?3 and e.submitted_at is not null
            group by e.author_id, week_start""";

    private static final String MOMENTS = """
            select m.author_id, date_trunc('week', m.created_at at time zone a.time_zone)::date as week_start, count(*)
            from moment m join account a on a.id = m.author_id
            where m.partnership_id = ?1 and m.created_at >= ?2 and m.created_at < ?3
            group by m.author_id, week_start""";

    private static final String TREND = """
            select count(*) filter (where status = 'kept' and due_at >= ?2),
                   count(*) filter (where status = 'missed' and due_at >= ?2),
                   count(*) filter (where status = 'kept' and due_at < ?2),
                   count(*) filter (where status = 'missed' and due_at < ?2)
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

    public TrustOverview overview(UUID accountId, UUID partnershipId, String window) {
        String name = window == null ? DEFAULT_WINDOW : window;
        Duration length = WINDOWS.get(name);
        if (length == null) {
            throw ProblemException.invalidField("window", "must be one of 30d, 90d, 180d, 365d");
        }
        access.requireMember(accountId, partnershipId);
        // An integration token reads scores as a partner would (shared, unsealed), and only with every member's
        // consent to integrations reading check-ins.
        boolean integration = access.byIntegration();
        boolean scores = !integration || access.sensitiveConsentGiven(partnershipId);
        UUID reader = access.reader(accountId);
        Instant to = clock.instant();
        Instant from = to.minus(length);

        Map<Key, Cell> cells = new HashMap<>();
        for (Object[] row : rows(CHECK_INS, partnershipId, from, to, reader)) {
            Cell cell = cells.computeIfAbsent(new Key((UUID) row[0], SqlValues.localDate(row[1])), k -> new Cell());
            cell.held = SqlValues.count(row[2]);
            if (scores) {
                cell.mood = (BigDecimal) row[3];
                cell.safety = (BigDecimal) row[4];
                cell.connection = (BigDecimal) row[5];
            }
        }
        for (FollowThroughService.WeekOutcomes week : followThrough.weeklyOutcomes(partnershipId, from, to)) {
            Cell cell = cells.computeIfAbsent(new Key(week.memberId(), week.weekStart()), k -> new Cell());
            cell.kept = week.kept();
            cell.missed = week.missed();
        }
        for (Object[] row : rows(MOMENTS, partnershipId, from, to, null)) {
            cells.computeIfAbsent(new Key((UUID) row[0], SqlValues.localDate(row[1])), k -> new Cell()).moments =
                    SqlValues.count(row[2]);
        }
        List<Instant> scheduled = cadences.scheduledStarts(partnershipId, from, to);

        List<TrustOverview.Member> members = new ArrayList<>();
        for (Memberships.Profile person : memberships.profiles(partnershipId)) {
            UUID id = person.accountId();
            ZoneId zone = person.timeZone();
            Map<LocalDate, Integer> scheduledPerWeek = new HashMap<>();
            scheduled.forEach(start -> scheduledPerWeek.merge(monday(start, zone), 1, Integer::sum));
            List<TrustOverview.Week> weeks = new ArrayList<>();
            LocalDate last = to.atZone(zone).toLocalDate();
            for (LocalDate monday = monday(from, zone); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
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
                        rate(cell.kept, cell.missed),
                        cell.moments));
            }
            members.add(new TrustOverview.Member(id, person.displayName(), id.equals(accountId), weeks));
        }
        return new TrustOverview(partnershipId, name, from, to, trend(partnershipId, to), members);
    }

    private TrustOverview.Trend trend(UUID partnershipId, Instant now) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery(TREND)
                .setParameter(1, partnershipId)
                .setParameter(2, now.minus(TREND_PERIOD))
                .setParameter(3, now.minus(TREND_PERIOD.multipliedBy(2)))
                .setParameter(4, now)
                .getSingleResult();
        int recentKept = SqlValues.count(row[0]);
        int recentDecided = recentKept + SqlValues.count(row[1]);
        int previousKept = SqlValues.count(row[2]);
        int previousDecided = previousKept + SqlValues.count(row[3]);
        Double recent = rate(recentKept, recentDecided - recentKept);
        Double previous = rate(previousKept, previousDecided - previousKept);
        String direction = "steady";
        if (recentDecided >= TREND_MINIMUM && previousDecided >= TREND_MINIMUM) {
            // A small tolerance keeps a change of exactly 0.05 from being lost to binary fractions.
            double change = recent - previous;
            if (change >= TREND_STEP - 1e-9) {
                direction = "rising";
            } else if (change <= -TREND_STEP + 1e-9) {
                direction = "falling";
            }
        }
        return new TrustOverview.Trend(direction, recent, previous, recentDecided, previousDecided);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID partnershipId, Instant from, Instant to, UUID viewer) {
        var query = entityManager
                .createNativeQuery(sql)
                .setParameter(1, partnershipId)
                .setParameter(2, from)
                .setParameter(3, to);
        if (viewer != null) {
            query.setParameter(4, viewer);
        }
        return query.getResultList();
    }

    private static LocalDate monday(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Double rate(int kept, int missed) {
        return kept + missed == 0 ? null : (double) kept / (kept + missed);
    }

    private record Key(UUID memberId, LocalDate weekStart) {}

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
