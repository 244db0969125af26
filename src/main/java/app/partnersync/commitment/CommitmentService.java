package app.partnersync.commitment;

import app.partnersync.account.Account;
import app.partnersync.common.ActionTime;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.Versions;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipMember;
import app.partnersync.sync.ChangeLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates, reads, changes and deletes commitments, and keeps their occurrences materialised ahead. */
@ApplicationScoped
@Transactional
public class CommitmentService {

    /** Sync type names. */
    public static final String SYNC_TYPE = "commitment";

    public static final String OCCURRENCE_TYPE = "occurrence";

    private final PartnershipAccess access;
    private final ChangeLog changes;
    private final CommitmentConfig config;
    private final EntityManager entityManager;
    private final ActionTime actionTime;
    private final Goals goals;
    private final Clock clock;

    public CommitmentService(
            PartnershipAccess access,
            ChangeLog changes,
            CommitmentConfig config,
            EntityManager entityManager,
            ActionTime actionTime,
            Goals goals,
            Clock clock) {
        this.access = access;
        this.changes = changes;
        this.config = config;
        this.entityManager = entityManager;
        this.actionTime = actionTime;
        this.goals = goals;
        this.clock = clock;
    }

    /** Filters of the commitment list; null fields do not filter. */
    public record Filter(
            Commitment.Status status, UUID promiser, Commitment.Category category, Instant dueFrom, Instant dueTo) {}

    public CommitmentView create(UUID accountId, UUID partnershipId, CommitmentInput input) {
        access.requireWritable(accountId, partnershipId);
        UUID id = input.id() == null ? UUID.randomUUID() : input.id();
        if (Commitment.count("id", id) > 0) {
            throw new ProblemException(
                    ProblemType.ID_TAKEN, "A record with this id exists already; choose another id.");
        }
        List<UUID> promisers = members(partnershipId, input.promisedBy());
        Instant now = clock.instant();
        // A one-off already due when the person made it could never be kept or missed: refused, unless the device says
        // (Occurred-At, a mutation's occurredAt) that it was made before it was due.
        Instant madeAt = actionTime.now();
        if (input.dueAt() != null && input.dueAt().isBefore(madeAt)) {
            throw ProblemException.invalidField(
                    "dueAt", "is in the past; a one-off must be due after it is made (" + madeAt + ")");
        }
        Commitment commitment = new Commitment();
        commitment.id = id;
        commitment.partnershipId = partnershipId;
        commitment.title = input.title();
        commitment.details = blankToNull(input.details());
        commitment.category = input.category() == null ? Commitment.Category.other : input.category();
        commitment.promisers(promisers);
        schedule(commitment, input.dueAt(), input.recurrence(), promisers);
        commitment.reminderMinutes = input.reminderMinutesBefore();
        if (input.target() != null) {
            commitment.targetCount = input.target().count();
            commitment.targetWindowDays = input.target().windowDays();
        }
        commitment.status = Commitment.Status.active;
        commitment.createdBy = accountId;
        commitment.createdAt = now;
        commitment.updatedAt = now;
        commitment.persist();
        announce(commitment);
        materialize(commitment, now, madeAt);
        return view(commitment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommitmentView get(UUID accountId, UUID partnershipId, UUID commitmentId) {
        access.requireMember(accountId, partnershipId);
        return view(find(partnershipId, commitmentId, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommitmentView> list(UUID accountId, UUID partnershipId, Filter filter, PageRequest page) {
        access.requireMember(accountId, partnershipId);
        boolean dueWindow = filter.dueFrom() != null || filter.dueTo() != null;
        return Listing.where(
                        "select c from Commitment c where c.partnershipId = :partnership", "partnership", partnershipId)
                .equal("c.status", "status", filter.status())
                .equal("c.category", "category", filter.category())
                .filter(
                        "c.promisedBy like :promiser",
                        "promiser",
                        filter.promiser() == null ? null : "%" + filter.promiser() + "%")
                .filterIf(
                        dueWindow,
                        "exists (select 1 from Occurrence o where o.commitmentId = c.id and o.dueAt >= :dueFrom and o.dueAt < :dueTo)",
                        Parameters.with("dueFrom", filter.dueFrom() == null ? Instant.EPOCH : filter.dueFrom())
                                .and(
                                        "dueTo",
                                        filter.dueTo() == null
                                                ? Instant.parse("9999-12-31T00:00:00Z")
                                                : filter.dueTo()))
                .page(
                        page,
                        "c.createdAt",
                        "c.id",
                        (q, p) -> Commitment.<Commitment>find(q, p),
                        c -> new KeysetCursor(c.createdAt, c.id),
                        shown -> goals.withProgress(
                                shown.stream().map(CommitmentView::of).toList()));
    }

    public CommitmentView update(
            UUID accountId, UUID partnershipId, UUID commitmentId, CommitmentPatch patch, String ifMatch) {
        access.requireWritable(accountId, partnershipId);
        Commitment commitment = find(partnershipId, commitmentId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, commitment.version, view(commitment));
        return apply(commitment, patch);
    }

    /** Applies a change to a loaded, locked commitment (shared by PATCH and sync push). */
    CommitmentView apply(Commitment commitment, CommitmentPatch patch) {
        if (patch.isEmpty()) {
            throw ProblemException.invalidField("body", "must change at least one field");
        }
        boolean rescheduled = false;
        if (patch.title() != null) {
            commitment.title = patch.title();
        }
        if (patch.details() != null) {
            commitment.details = blankToNull(patch.details());
        }
        if (patch.category() != null) {
            commitment.category = patch.category();
        }
        if (patch.promisedBy() != null) {
            commitment.promisers(members(commitment.partnershipId, patch.promisedBy()));
            rescheduled = true;
        }
        if (patch.dueAt() != null || patch.recurrence() != null) {
            schedule(commitment, patch.dueAt(), patch.recurrence(), commitment.promisers());
            rescheduled = true;
        }
        if (patch.reminderMinutesBefore() != null) {
            commitment.reminderMinutes = patch.reminderMinutesBefore();
        }
        if (patch.target() != null) {
            commitment.targetCount = patch.target().count();
            commitment.targetWindowDays = patch.target().windowDays();
        }
        if (patch.newStatus() != null && patch.newStatus() != commitment.status) {
            commitment.status = patch.newStatus();
            rescheduled = true;
        }
        Instant now = clock.instant();
        commitment.updatedAt = now;
        announce(commitment);
        if (rescheduled) {
            // Future open occurrences follow the new schedule; recorded outcomes are history and stay.
            for (Occurrence stale : Occurrence.<Occurrence>list(
                    "commitmentId = ?1 and status = ?2 and dueAt > ?3", commitment.id, Occurrence.Status.open, now)) {
                changes.deleted(
                        OCCURRENCE_TYPE, stale.id, stale.version + 1, ChangeLog.Scope.partnership(stale.partnershipId));
                stale.delete();
            }
            materialize(commitment, now);
        }
        return view(commitment);
    }

    public void delete(UUID accountId, UUID partnershipId, UUID commitmentId, String ifMatch) {
        access.requireWritable(accountId, partnershipId);
        Commitment commitment = find(partnershipId, commitmentId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, commitment.version, view(commitment));
        remove(commitment);
    }

    void remove(Commitment commitment) {
        for (Occurrence occurrence : Occurrence.<Occurrence>list("commitmentId", commitment.id)) {
            changes.deleted(
                    OCCURRENCE_TYPE,
                    occurrence.id,
                    occurrence.version + 1,
                    ChangeLog.Scope.partnership(commitment.partnershipId));
            occurrence.delete();
        }
        changes.deleted(
                SYNC_TYPE,
                commitment.id,
                commitment.version + 1,
                ChangeLog.Scope.partnership(commitment.partnershipId));
        commitment.delete();
    }

    /** Every commitment of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommitmentView> all(UUID accountId) {
        return goals.withProgress(Commitment.<Commitment>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ")"
                                + " order by createdAt, id",
                        accountId)
                .stream()
                .map(CommitmentView::of)
                .toList());
    }

    /**
     * Creates the occurrence rows due from {@code now} up to the horizon that do not exist yet, one per promiser.
     * Idempotent (the unique key decides), so every instance may run it.
     */
    int materialize(Commitment commitment, Instant now) {
        return materialize(commitment, now, commitment.createdAt);
    }

    /** As {@link #materialize(Commitment, Instant)}, a one-off getting its occurrence if not due before {@code madeAt}. */
    private int materialize(Commitment commitment, Instant now, Instant madeAt) {
        if (commitment.status != Commitment.Status.active) {
            return 0;
        }
        Instant until = now.plus(config.horizon());
        List<Instant> due = new ArrayList<>();
        Recurrence recurrence = commitment.recurrence();
        if (recurrence == null) {
            if (!commitment.dueAt.isBefore(madeAt)) {
                due.add(commitment.dueAt);
            }
        } else {
            Instant from = commitment.createdAt.isAfter(now) ? commitment.createdAt : now;
            due.addAll(recurrence.between(from, until));
        }
        int created = 0;
        for (Instant at : due) {
            LocalDate date = recurrence == null
                    ? at.atZone(ZoneOffset.UTC).toLocalDate()
                    : at.atZone(java.time.ZoneId.of(recurrence.timeZone())).toLocalDate();
            for (UUID promiser : commitment.promisers()) {
                UUID id = UUID.randomUUID();
                int inserted = entityManager
                        .createNativeQuery(
                                "insert into occurrence (id, partnership_id, commitment_id, due_date, due_at,"
                                        + " promiser_id, status) values (?1, ?2, ?3, ?4, ?5, ?6, 'open') on conflict do nothing")
                        .setParameter(1, id)
                        .setParameter(2, commitment.partnershipId)
                        .setParameter(3, commitment.id)
                        .setParameter(4, date)
                        .setParameter(5, at)
                        .setParameter(6, promiser)
                        .executeUpdate();
                if (inserted == 1) {
                    changes.upserted(OCCURRENCE_TYPE, id, 0, ChangeLog.Scope.partnership(commitment.partnershipId));
                    created++;
                }
            }
        }
        return created;
    }

    Commitment find(UUID partnershipId, UUID commitmentId, LockModeType lock) {
        return Commitment.<Commitment>find("id = ?1 and partnershipId = ?2", commitmentId, partnershipId)
                .withLock(lock)
                .<Commitment>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The commitment"));
    }

    /** The commitment as the API shows it, with its goal's progress. */
    private CommitmentView view(Commitment commitment) {
        return goals.withProgress(CommitmentView.of(commitment));
    }

    private void announce(Commitment commitment) {
        Commitment.flush();
        changes.upserted(
                SYNC_TYPE, commitment.id, commitment.version, ChangeLog.Scope.partnership(commitment.partnershipId));
    }

    /** A one-off due time or a recurrence (zone defaulting to the first promiser's), exactly one of them. */
    private void schedule(Commitment commitment, Instant dueAt, RecurrenceJson recurrence, List<UUID> promisers) {
        if ((dueAt == null) == (recurrence == null)) {
            throw ProblemException.invalidField(
                    "dueAt", "give either dueAt (a one-off) or recurrence, not both or neither");
        }
        if (dueAt != null) {
            commitment.dueAt = dueAt;
            commitment.recurrence(null);
            return;
        }
        String zone = Account.<Account>findByIdOptional(promisers.get(0))
                .map(a -> a.timeZone)
                .orElse("UTC");
        Recurrence parsed = recurrence.toRecurrence(zone);
        List<Problem.FieldError> errors = recurrence.problems(parsed);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The recurrence is invalid.", errors, Map.of());
        }
        commitment.dueAt = null;
        commitment.recurrence(parsed);
    }

    /** The promisers, each named once (the contract's uniqueItems) and a current member of the partnership. */
    private static List<UUID> members(UUID partnershipId, List<UUID> promisedBy) {
        List<UUID> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(promisedBy));
        if (distinct.size() != promisedBy.size()) {
            throw ProblemException.invalidField("promisedBy", "must name each member once");
        }
        List<UUID> members =
                PartnershipMember.<PartnershipMember>list(
                                "partnershipId = ?1 and accountId in ?2", partnershipId, distinct)
                        .stream()
                        .map(m -> m.accountId)
                        .toList();
        if (!new HashSet<>(members).containsAll(distinct)) {
            throw ProblemException.invalidField("promisedBy", "must name members of this partnership");
        }
        return distinct;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
