package app.partnersync.checkin;

import app.partnersync.common.ActionTime;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.Versions;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Starts, lists, closes check-ins and writes entries; every view of an entry goes through {@link CheckInView}. */
@ApplicationScoped
@Transactional
public class CheckInService {

    /** Sync type name of check-ins. */
    public static final String SYNC_TYPE = "check_in";

    private final PartnershipAccess access;
    private final Schedules schedules;
    private final ReviewedPlans reviewedPlans;
    private final ChangeLog changes;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ActionTime actionTime;

    public CheckInService(
            PartnershipAccess access,
            Schedules schedules,
            ReviewedPlans reviewedPlans,
            ChangeLog changes,
            EntityManager entityManager,
            Clock clock,
            ActionTime actionTime) {
        this.access = access;
        this.schedules = schedules;
        this.reviewedPlans = reviewedPlans;
        this.changes = changes;
        this.entityManager = entityManager;
        this.clock = clock;
        this.actionTime = actionTime;
    }

    /** A started check-in and whether this call created it (false: the scheduled one existed already). */
    public record Started(CheckInView checkIn, boolean created) {}

    public Started start(UUID accountId, UUID partnershipId, CreateCheckInRequest request) {
        access.requireWritable(accountId, partnershipId);
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        if (CheckIn.count("id", id) > 0) {
            throw new ProblemException(
                    ProblemType.ID_TAKEN, "A record with this id exists already; choose another id.");
        }
        CheckIn.Kind kind = request.kind();
        if (request.repairPlanId() != null) {
            if (kind != CheckIn.Kind.repair) {
                throw ProblemException.invalidField("repairPlanId", "only a repair check-in reviews a repair plan");
            }
            if (!reviewedPlans.isActive(partnershipId, request.repairPlanId())) {
                throw ProblemException.invalidField(
                        "repairPlanId", "must be an active repair plan of this partnership");
            }
        }
        if (request.scheduledFor() != null) {
            schedules.requireScheduledStart(partnershipId, kind, request.repairPlanId(), request.scheduledFor());
        }
        Instant now = actionTime.now();
        // One insert decides between two members starting the same scheduled check-in at the same moment.
        int inserted = entityManager
                .createNativeQuery(
                        "insert into check_in (id, partnership_id, kind, scheduled_for, status, started_by,"
                                + " started_at, created_at, updated_at, repair_plan_id)"
                                + " values (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?6, ?6, ?7)"
                                + " on conflict (partnership_id, kind, scheduled_for) where scheduled_for is not null do nothing")
                .setParameter(1, id)
                .setParameter(2, partnershipId)
                .setParameter(3, kind.name())
                .setParameter(4, request.scheduledFor())
                .setParameter(5, accountId)
                .setParameter(6, now)
                .setParameter(7, request.repairPlanId())
                .executeUpdate();
        if (inserted == 0) {
            CheckIn existing = CheckIn.<CheckIn>find(
                            "partnershipId = ?1 and kind = ?2 and scheduledFor = ?3",
                            partnershipId,
                            kind,
                            request.scheduledFor())
                    .firstResult();
            return new Started(view(existing, accountId), false);
        }
        CheckIn created = CheckIn.findById(id);
        changes.upserted(SYNC_TYPE, id, created.version, ChangeLog.Scope.partnership(partnershipId));
        return new Started(view(created, accountId), true);
    }

    /** A check-in started for a scheduled time. */
    public record Scheduled(CheckIn.Kind kind, Instant scheduledFor, UUID checkInId) {}

    /** The partnership's check-ins scheduled for a time in {@code [from, to]}, whoever started them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scheduled> scheduledBetween(UUID partnershipId, Instant from, Instant to) {
        return CheckIn.<CheckIn>list("partnershipId = ?1 and scheduledFor between ?2 and ?3", partnershipId, from, to)
                .stream()
                .map(c -> new Scheduled(c.kind, c.scheduledFor, c.id))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckInView get(UUID accountId, UUID partnershipId, UUID checkInId) {
        access.requireSensitiveReadable(accountId, partnershipId);
        return view(find(partnershipId, checkInId, LockModeType.NONE), access.reader(accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CheckInView> list(
            UUID accountId, UUID partnershipId, CheckIn.Status status, CheckIn.Kind kind, PageRequest page) {
        access.requireSensitiveReadable(accountId, partnershipId);
        UUID reader = access.reader(accountId);
        return Listing.where("partnershipId = :partnership", "partnership", partnershipId)
                .equal("status", "status", status)
                .equal("kind", "kind", kind)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> CheckIn.<CheckIn>find(q, p),
                        c -> new KeysetCursor(c.createdAt, c.id),
                        shown -> views(shown, reader));
    }

    /** Either member closes an open check-in: its entries are unsealed (shared fields only, for the partner). */
    public CheckInView close(UUID accountId, UUID partnershipId, UUID checkInId, String ifMatch) {
        access.requireWritable(accountId, partnershipId);
        CheckIn checkIn = find(partnershipId, checkInId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, checkIn.version, view(checkIn, accountId));
        if (!checkIn.isSealed()) {
            throw closed("This check-in is already " + checkIn.status + ".");
        }
        Instant now = actionTime.now();
        checkIn.status = CheckIn.Status.closed;
        checkIn.closedAt = now;
        checkIn.updatedAt = now;
        return announce(checkIn, accountId);
    }

    /**
     * Writes the caller's entry. While the check-in is open the entry is replaced whole; once it is completed or
     * closed only the visibility of what was written may change (making a field private takes it from the partner).
     */
    public CheckInView putEntry(UUID accountId, UUID partnershipId, UUID checkInId, EntryInput input, String ifMatch) {
        access.requireWritable(accountId, partnershipId);
        CheckIn checkIn = find(partnershipId, checkInId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, checkIn.version, view(checkIn, accountId));
        Instant now = actionTime.now();
        Entry entry = Entry.<Entry>find("checkInId = ?1 and authorId = ?2", checkInId, accountId)
                .firstResultOptional()
                .orElse(null);
        if (!checkIn.isSealed()) {
            if (entry == null || !sameAnswers(entry, input)) {
                throw closed("This check-in is " + checkIn.status
                        + "; only the visibility of what you wrote can still change.");
            }
            applyVisibility(entry, input);
        } else {
            if (entry == null) {
                entry = new Entry();
                entry.id = UUID.randomUUID();
                entry.partnershipId = partnershipId;
                entry.checkInId = checkInId;
                entry.authorId = accountId;
            }
            replace(entry, input, now);
            entry.persist();
            Entry.flush();
            long submitted = Entry.count("checkInId = ?1 and submittedAt is not null", checkInId);
            if (submitted >= 2) {
                checkIn.status = CheckIn.Status.completed;
            }
        }
        entry.updatedAt = now;
        checkIn.updatedAt = now;
        return announce(checkIn, accountId);
    }

    /** Every check-in of the account's partnerships as the account may see it, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CheckInView> all(UUID accountId) {
        return views(
                CheckIn.<CheckIn>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ") order by createdAt, id",
                        accountId),
                accountId);
    }

    /**
     * On account deletion: the person's private answers are erased outright; what they shared stays with the partner,
     * no longer linked to them.
     */
    public void erase(UUID accountId) {
        List<Entry> entries = Entry.list("authorId", accountId);
        for (Entry e : entries) {
            e.mood = e.moodShared ? e.mood : null;
            e.safety = e.safetyShared ? e.safety : null;
            e.connection = e.connectionShared ? e.connection : null;
            e.gratitude = e.gratitudeShared ? e.gratitude : null;
            e.needs = e.needsShared ? e.needs : null;
            e.whatWorks = e.whatWorksShared ? e.whatWorks : null;
            e.whatToAdjust = e.whatToAdjustShared ? e.whatToAdjust : null;
            e.authorId = null;
        }
        Entry.flush();
        for (CheckIn checkIn : CheckIn.<CheckIn>list(
                "startedBy = ?1 or id in ?2",
                accountId,
                entries.isEmpty()
                        ? List.of(UUID.randomUUID())
                        : entries.stream().map(e -> e.checkInId).toList())) {
            if (accountId.equals(checkIn.startedBy)) {
                checkIn.startedBy = null;
            }
            checkIn.updatedAt = clock.instant();
            CheckIn.flush();
            changes.upserted(
                    SYNC_TYPE, checkIn.id, checkIn.version, ChangeLog.Scope.partnership(checkIn.partnershipId));
        }
    }

    private CheckInView announce(CheckIn checkIn, UUID viewer) {
        CheckIn.flush();
        changes.upserted(SYNC_TYPE, checkIn.id, checkIn.version, ChangeLog.Scope.partnership(checkIn.partnershipId));
        return view(checkIn, viewer);
    }

    private CheckIn find(UUID partnershipId, UUID checkInId, LockModeType lock) {
        return CheckIn.<CheckIn>find("id = ?1 and partnershipId = ?2", checkInId, partnershipId)
                .withLock(lock)
                .<CheckIn>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The check-in"));
    }

    private CheckInView view(CheckIn checkIn, UUID viewer) {
        return views(List.of(checkIn), viewer).get(0);
    }

    /** Views of check-ins with their entries, two queries for any number of check-ins. */
    List<CheckInView> views(List<CheckIn> checkIns, UUID viewer) {
        if (checkIns.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Entry>> entries = Entry.<Entry>list(
                        "checkInId in ?1 order by updatedAt, id",
                        checkIns.stream().map(c -> c.id).toList())
                .stream()
                .collect(Collectors.groupingBy(e -> e.checkInId));
        return checkIns.stream()
                .map(c -> CheckInView.of(c, entries.getOrDefault(c.id, List.of()), viewer))
                .toList();
    }

    private static void replace(Entry e, EntryInput in, Instant now) {
        e.mood = in.mood() == null ? null : in.mood().value().shortValue();
        e.moodShared = in.mood() != null && in.mood().shared();
        e.safety = in.safety() == null ? null : in.safety().value().shortValue();
        e.safetyShared = in.safety() != null && in.safety().shared();
        e.connection = in.connection() == null ? null : in.connection().value().shortValue();
        e.connectionShared = in.connection() != null && in.connection().shared();
        e.gratitude = in.gratitude() == null ? null : in.gratitude().text();
        e.gratitudeShared = in.gratitude() != null && in.gratitude().shared();
        e.needs = in.needs() == null ? null : in.needs().text();
        e.needsShared = in.needs() != null && in.needs().shared();
        e.whatWorks = in.whatWorks() == null ? null : in.whatWorks().text();
        e.whatWorksShared = in.whatWorks() != null && in.whatWorks().shared();
        e.whatToAdjust = in.whatToAdjust() == null ? null : in.whatToAdjust().text();
        e.whatToAdjustShared = in.whatToAdjust() != null && in.whatToAdjust().shared();
        if (Boolean.TRUE.equals(in.submitted())) {
            e.submittedAt = e.submittedAt == null ? now : e.submittedAt;
        } else {
            e.submittedAt = null;
        }
        e.updatedAt = now;
    }

    private static boolean sameAnswers(Entry e, EntryInput in) {
        return Objects.equals(
                        e.mood == null ? null : e.mood.intValue(),
                        in.mood() == null ? null : in.mood().value())
                && Objects.equals(
                        e.safety == null ? null : e.safety.intValue(),
                        in.safety() == null ? null : in.safety().value())
                && Objects.equals(
                        e.connection == null ? null : e.connection.intValue(),
                        in.connection() == null ? null : in.connection().value())
                && Objects.equals(
                        e.gratitude,
                        in.gratitude() == null ? null : in.gratitude().text())
                && Objects.equals(
                        e.needs, in.needs() == null ? null : in.needs().text())
                && Objects.equals(
                        e.whatWorks,
                        in.whatWorks() == null ? null : in.whatWorks().text())
                && Objects.equals(
                        e.whatToAdjust,
                        in.whatToAdjust() == null ? null : in.whatToAdjust().text())
                && Boolean.TRUE.equals(in.submitted()) == (e.submittedAt != null);
    }

    private static void applyVisibility(Entry e, EntryInput in) {
        e.moodShared = in.mood() != null && in.mood().shared();
        e.safetyShared = in.safety() != null && in.safety().shared();
        e.connectionShared = in.connection() != null && in.connection().shared();
        e.gratitudeShared = in.gratitude() != null && in.gratitude().shared();
        e.needsShared = in.needs() != null && in.needs().shared();
        e.whatWorksShared = in.whatWorks() != null && in.whatWorks().shared();
        e.whatToAdjustShared = in.whatToAdjust() != null && in.whatToAdjust().shared();
    }

    private static ProblemException closed(String detail) {
        return new ProblemException(ProblemType.CHECK_IN_CLOSED, detail);
    }
}
