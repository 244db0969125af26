package app.partnersync.cadence;

import app.partnersync.checkin.CheckIn;
import app.partnersync.checkin.CheckInService;
import app.partnersync.checkin.Schedules;
import app.partnersync.common.ProblemException;
import app.partnersync.common.Versions;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The cadence of a partnership, the check-ins it and the repair plans' reviews bring next, and the rule that a
 * scheduled check-in starts at one of those times. Writes replace the schedule rows and plan their next reminder.
 */
@ApplicationScoped
@Transactional
public class CadenceService implements Schedules {

    /** Sync type name of cadences (the record id is the partnership id). */
    public static final String SYNC_TYPE = "cadence";

    /** A scheduled check-in may be started this long before or after its start. */
    static final Duration START_SLACK = Duration.ofDays(14);

    static final Duration UPCOMING_HORIZON = Duration.ofDays(400);

    private final PartnershipAccess access;
    private final CheckInService checkIns;
    private final ChangeLog changes;
    private final EntityManager entityManager;
    private final Clock clock;

    public CadenceService(
            PartnershipAccess access,
            CheckInService checkIns,
            ChangeLog changes,
            EntityManager entityManager,
            Clock clock) {
        this.access = access;
        this.checkIns = checkIns;
        this.changes = changes;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CadenceView get(UUID accountId, UUID partnershipId) {
        access.requireMember(accountId, partnershipId);
        return view(partnershipId, Cadence.findById(partnershipId));
    }

    public CadenceView put(UUID accountId, UUID partnershipId, CadenceInput input, String ifMatch) {
        access.requireWritable(accountId, partnershipId);
        input.requireConsistentSchedules();
        // The partnership row lock taken above serialises writers of this cadence: no second insert can race ours.
        Cadence cadence = Cadence.findById(partnershipId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, cadence == null ? 0 : cadence.version, view(partnershipId, cadence));
        Instant now = clock.instant();
        if (cadence == null) {
            cadence = new Cadence();
            cadence.id = partnershipId;
            cadence.partnershipId = partnershipId;
            cadence.effectiveFrom = now;
            cadence.createdAt = now;
        }
        cadence.timeZone = input.timeZone();
        cadence.reminderMinutes = input.reminderMinutesBefore() == null
                ? CadenceInput.DEFAULT_REMINDER_MINUTES
                : input.reminderMinutesBefore();
        cadence.updatedBy = accountId;
        cadence.updatedAt = now;
        cadence.version++;
        cadence.persist();
        CheckInSchedule.delete("partnershipId = ?1 and repairPlanId is null", partnershipId);
        short position = 0;
        for (ScheduleJson json : input.schedules()) {
            CheckInSchedule schedule = new CheckInSchedule();
            schedule.id = UUID.randomUUID();
            schedule.partnershipId = partnershipId;
            schedule.position = position++;
            schedule.kind = json.kind().checkInKind();
            schedule.dayOfWeek = (short) json.dayOfWeek().getValue();
            schedule.weekOfMonth =
                    json.weekOfMonth() == null ? null : json.weekOfMonth().shortValue();
            schedule.localTime = LocalTime.parse(json.time());
            schedule.timeZone = cadence.timeZone;
            schedule.durationMinutes =
                    json.durationMinutes() == null ? ScheduleJson.DEFAULT_DURATION : json.durationMinutes();
            schedule.reminderMinutes = cadence.reminderMinutes;
            schedule.planNextReminder(now);
            schedule.persist();
        }
        Cadence.flush();
        changes.upserted(SYNC_TYPE, partnershipId, cadence.version, ChangeLog.Scope.partnership(partnershipId));
        return view(partnershipId, cadence);
    }

    /**
     * The next check-ins of the partnership's schedules (cadence and repair reviews), from the one still running on,
     * in start order, each with the check-in a member started for it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UpcomingCheckIn.Page upcoming(UUID accountId, UUID partnershipId, int limit) {
        access.requireMember(accountId, partnershipId);
        Instant now = clock.instant();
        List<UpcomingCheckIn> found = new ArrayList<>();
        for (CheckInSchedule schedule :
                CheckInSchedule.<CheckInSchedule>list("partnershipId = ?1 order by position, id", partnershipId)) {
            ScheduleRule rule = schedule.rule();
            Instant after = now.minus(rule.duration());
            for (int i = 0; i < limit; i++) {
                Optional<Instant> start = rule.nextAfter(after);
                if (start.isEmpty() || start.get().isAfter(now.plus(UPCOMING_HORIZON))) {
                    break;
                }
                found.add(new UpcomingCheckIn(
                        schedule.kind, start.get(), start.get().plus(rule.duration()), schedule.repairPlanId, null));
                after = start.get();
            }
        }
        List<UpcomingCheckIn> next = found.stream()
                // Same start: by the kind's name, the order these lists always had.
                .sorted(Comparator.comparing(UpcomingCheckIn::startsAt)
                        .thenComparing(upcoming -> upcoming.kind().name()))
                .limit(limit)
                .toList();
        return new UpcomingCheckIn.Page(withStartedCheckIns(partnershipId, next));
    }

    /**
     * Refuses (400 naming {@code scheduledFor}) a scheduled start that is not a start of one of the partnership's
     * schedules of that kind (for {@code repair}, of the plan's review) within {@link #START_SLACK} of now.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireScheduledStart(UUID partnershipId, CheckIn.Kind kind, UUID repairPlanId, Instant scheduledFor) {
        if (kind == CheckIn.Kind.ad_hoc) {
            throw ProblemException.invalidField("scheduledFor", "an ad_hoc check-in has no scheduled start");
        }
        if (kind == CheckIn.Kind.repair && repairPlanId == null) {
            throw ProblemException.invalidField(
                    "repairPlanId", "a scheduled repair check-in names the plan whose review it is");
        }
        Instant now = clock.instant();
        if (scheduledFor.isBefore(now.minus(START_SLACK)) || scheduledFor.isAfter(now.plus(START_SLACK))) {
            throw ProblemException.invalidField(
                    "scheduledFor", "must be a scheduled start no more than 14 days before or after now");
        }
        List<CheckInSchedule> schedules = kind == CheckIn.Kind.repair
                ? CheckInSchedule.list("partnershipId = ?1 and repairPlanId = ?2", partnershipId, repairPlanId)
                : CheckInSchedule.list("partnershipId = ?1 and kind = ?2", partnershipId, kind);
        if (schedules.stream().noneMatch(s -> s.rule().startsAt(scheduledFor))) {
            throw ProblemException.invalidField(
                    "scheduledFor",
                    "is not a start of this partnership's " + kind + " check-ins (see GET …/cadence/upcoming)");
        }
    }

    /**
     * The starts of the cadence's weekly and monthly schedules in {@code [from, to)}, counted from when a cadence was
     * first set: what the overview reports as scheduled.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> scheduledStarts(UUID partnershipId, Instant from, Instant to) {
        Cadence cadence = Cadence.findById(partnershipId);
        if (cadence == null) {
            return List.of();
        }
        Instant since = from.isBefore(cadence.effectiveFrom) ? cadence.effectiveFrom : from;
        if (!since.isBefore(to)) {
            return List.of();
        }
        return CheckInSchedule.<CheckInSchedule>list("partnershipId = ?1 and repairPlanId is null", partnershipId)
                .stream()
                .flatMap(schedule -> schedule.rule().startsBetween(since, to).stream())
                .sorted()
                .toList();
    }

    /** The weekly review of a repair plan, as a schedule: replaced whole, or removed with {@code null}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setReview(UUID partnershipId, UUID repairPlanId, Review review) {
        CheckInSchedule.delete("repairPlanId", repairPlanId);
        if (review == null) {
            return;
        }
        CheckInSchedule schedule = new CheckInSchedule();
        schedule.id = UUID.randomUUID();
        schedule.partnershipId = partnershipId;
        schedule.repairPlanId = repairPlanId;
        schedule.kind = CheckIn.Kind.repair;
        schedule.dayOfWeek = (short) review.dayOfWeek().getValue();
        schedule.localTime = review.time();
        schedule.timeZone = review.timeZone();
        schedule.durationMinutes = review.durationMinutes();
        schedule.reminderMinutes = review.reminderMinutes();
        schedule.planNextReminder(clock.instant());
        schedule.persist();
    }

    /** A repair plan's weekly review. */
    public record Review(
            DayOfWeek dayOfWeek, LocalTime time, String timeZone, int durationMinutes, int reminderMinutes) {

        static Review of(CheckInSchedule schedule) {
            return new Review(
                    DayOfWeek.of(schedule.dayOfWeek),
                    schedule.localTime,
                    schedule.timeZone,
                    schedule.durationMinutes,
                    schedule.reminderMinutes);
        }
    }

    /** The reviews of the given repair plans, one query for any number of plans. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Review> reviews(Collection<UUID> repairPlanIds) {
        if (repairPlanIds.isEmpty()) {
            return Map.of();
        }
        return CheckInSchedule.<CheckInSchedule>list("repairPlanId in ?1", repairPlanIds).stream()
                .collect(Collectors.toMap(s -> s.repairPlanId, Review::of, (a, b) -> a));
    }

    /** Views of cadences, two queries for any number of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CadenceView> views(List<Cadence> cadences) {
        if (cadences.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CheckInSchedule>> schedules = CheckInSchedule.<CheckInSchedule>list(
                        "partnershipId in ?1 and repairPlanId is null order by position",
                        cadences.stream().map(c -> c.id).toList())
                .stream()
                .collect(Collectors.groupingBy(s -> s.partnershipId));
        return cadences.stream()
                .map(c -> CadenceView.of(c, schedules.getOrDefault(c.id, List.of())))
                .toList();
    }

    /** The cadences of every partnership of the account that has one set, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CadenceView> all(UUID accountId) {
        return views(Cadence.list("id in (" + Memberships.partnershipsOfAccount("?1") + ") order by id", accountId));
    }

    /** On account deletion: cadences they last edited stay, no longer naming them. */
    public void erase(UUID accountId) {
        for (Cadence cadence : Cadence.<Cadence>list("updatedBy", accountId)) {
            cadence.updatedBy = null;
            cadence.version++;
            changes.upserted(SYNC_TYPE, cadence.id, cadence.version, ChangeLog.Scope.partnership(cadence.id));
        }
    }

    private CadenceView view(UUID partnershipId, Cadence cadence) {
        return cadence == null
                ? CadenceView.unset(partnershipId)
                : views(List.of(cadence)).get(0);
    }

    private List<UpcomingCheckIn> withStartedCheckIns(UUID partnershipId, List<UpcomingCheckIn> upcoming) {
        if (upcoming.isEmpty()) {
            return upcoming;
        }
        Map<Start, UUID> started = new HashMap<>();
        for (CheckInService.Scheduled checkIn : checkIns.scheduledBetween(
                partnershipId,
                upcoming.get(0).startsAt(),
                upcoming.get(upcoming.size() - 1).startsAt())) {
            started.put(new Start(checkIn.kind(), checkIn.scheduledFor()), checkIn.checkInId());
        }
        return upcoming.stream()
                .map(u -> new UpcomingCheckIn(
                        u.kind(),
                        u.startsAt(),
                        u.endsAt(),
                        u.repairPlanId(),
                        started.get(new Start(u.kind(), u.startsAt()))))
                .toList();
    }

    /** A scheduled start of one kind: how an upcoming check-in finds the check-in started for it. */
    private record Start(CheckIn.Kind kind, Instant at) {}
}
