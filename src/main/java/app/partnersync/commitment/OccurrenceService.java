package app.partnersync.commitment;

import app.partnersync.common.ActionTime;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists occurrences and records what became of them: outcomes, the partner's verdict, owning a miss. */
@ApplicationScoped
@Transactional
public class OccurrenceService {

    static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final PartnershipAccess access;
    private final CommitmentService commitments;
    private final ChangeLog changes;
    private final OccurrenceHistory history;
    private final CommitmentConfig config;
    private final ActionTime actionTime;
    private final OutcomeFollowUp followUp;
    private final Clock clock;

    public OccurrenceService(
            PartnershipAccess access,
            CommitmentService commitments,
            ChangeLog changes,
            OccurrenceHistory history,
            CommitmentConfig config,
            ActionTime actionTime,
            OutcomeFollowUp followUp,
            Clock clock) {
        this.access = access;
        this.commitments = commitments;
        this.changes = changes;
        this.history = history;
        this.config = config;
        this.actionTime = actionTime;
        this.followUp = followUp;
        this.clock = clock;
    }

    /** The commitment's occurrences due in [from, to) (default: 30 days either side of now). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OccurrenceView> list(UUID accountId, UUID partnershipId, UUID commitmentId, Instant from, Instant to) {
        access.requireMember(accountId, partnershipId);
        commitments.find(partnershipId, commitmentId, LockModeType.NONE);
        Instant now = clock.instant();
        Instant start = from == null ? now.minus(Duration.ofDays(30)) : from;
        Instant end = to == null ? now.plus(Duration.ofDays(30)) : to;
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ProblemException.invalidField("to", "must be after from, and at most 400 days later");
        }
        return views(Occurrence.<Occurrence>list(
                "commitmentId = ?1 and partnershipId = ?2 and dueAt >= ?3 and dueAt < ?4 order by dueAt, promiserId",
                commitmentId,
                partnershipId,
                start,
                end));
    }

    /**
     * The promiser says what became of their occurrence on {@code dueDate}. Turning a miss (or a disputed kept outcome)
     * into {@code kept} or {@code cancelled} after the due time only asks the partner: it becomes a pending revision
     * and the occurrence counts as it was until the partner accepts it. A direct outcome withdraws a pending revision.
     */
    public OccurrenceView recordOutcome(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, OutcomeInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPromiser(partnershipId, commitmentId, dueDate, accountId);
        Instant now = actionTime.now();
        Outcomes.checkOutcome(occurrence.confirmation, occurrence.dueAt, input, now);
        String note = Outcomes.blankToNull(input.note());
        if (Outcomes.needsRevision(occurrence, input.outcome(), now)) {
            occurrence.revisionOutcome = input.outcome();
            occurrence.revisionNote = note;
            occurrence.revisionRequestedAt = now;
            occurrence.revisionLapsesAt = now.plus(config.revisionLapse());
            log(
                    occurrence,
                    OccurrenceHistory.Event.revision_requested,
                    input.outcome().status(),
                    accountId,
                    note);
            return announce(occurrence, false);
        }
        clearRevision(occurrence);
        Outcomes.record(occurrence, input, now);
        occurrence.cancelledLate = occurrence.status == Occurrence.Status.cancelled
                && Outcomes.cancelledLate(occurrence.dueAt, now, config.lateCancellationLead());
        log(occurrence, OccurrenceHistory.Event.recorded, occurrence.status, accountId, note);
        return announce(occurrence);
    }

    /** The partner confirms or disputes a kept outcome (on both-promised commitments: the other member's). */
    public OccurrenceView confirm(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, ConfirmationInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPartner(partnershipId, commitmentId, dueDate, accountId);
        Outcomes.checkVerdict(occurrence.status, occurrence.confirmation);
        occurrence.confirmation = input.verdict();
        occurrence.confirmedBy = accountId;
        occurrence.confirmedAt = actionTime.now();
        occurrence.confirmationNote = Outcomes.blankToNull(input.note());
        if (input.verdict() == Occurrence.Verdict.confirmed) {
            // Confirming settles the outcome: a revision the promiser asked for is answered by it.
            clearRevision(occurrence);
        }
        log(
                occurrence,
                input.verdict() == Occurrence.Verdict.confirmed
                        ? OccurrenceHistory.Event.confirmed
                        : OccurrenceHistory.Event.disputed,
                occurrence.status,
                accountId,
                occurrence.confirmationNote);
        return announce(occurrence);
    }

    /**
     * The partner answers the promiser's pending revision: accepting lets the proposed outcome count (as of when it was
     * asked for), declining leaves the occurrence as it was. Either way the revision is no longer pending.
     */
    public OccurrenceView answerRevision(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, RevisionInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPartner(partnershipId, commitmentId, dueDate, accountId);
        Outcomes.checkRevisionAnswer(occurrence, actionTime.now());
        OutcomeInput.Outcome proposed = occurrence.revisionOutcome;
        String note = Outcomes.blankToNull(input.note());
        if (input.decision() == RevisionInput.Decision.accept) {
            Instant askedAt = occurrence.revisionRequestedAt;
            occurrence.status = proposed.status();
            occurrence.note = occurrence.revisionNote;
            occurrence.recordedAt = askedAt;
            occurrence.missedAt = null;
            // Accepting a kept outcome the partner disputed withdraws the dispute.
            occurrence.confirmation = null;
            occurrence.confirmedBy = null;
            occurrence.confirmedAt = null;
            occurrence.confirmationNote = null;
            occurrence.cancelledLate = proposed == OutcomeInput.Outcome.cancelled
                    && Outcomes.cancelledLate(occurrence.dueAt, askedAt, config.lateCancellationLead());
        }
        clearRevision(occurrence);
        log(
                occurrence,
                input.decision() == RevisionInput.Decision.accept
                        ? OccurrenceHistory.Event.revision_accepted
                        : OccurrenceHistory.Event.revision_declined,
                proposed.status(),
                accountId,
                note);
        return announce(occurrence, input.decision() == RevisionInput.Decision.accept);
    }

    /** "I messed up": the promiser owns a miss. */
    public OccurrenceView acknowledge(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, AcknowledgementInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPromiser(partnershipId, commitmentId, dueDate, accountId);
        Outcomes.checkAcknowledgement(occurrence.status);
        occurrence.ackWhat = input.whatHappened();
        occurrence.ackPrevention = input.prevention();
        occurrence.acknowledgedAt = actionTime.now();
        return announce(occurrence, false);
    }

    /** Every occurrence of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OccurrenceView> all(UUID accountId) {
        Map<UUID, List<OccurrenceHistory.Entry>> changes = history.ofAccount(accountId);
        return Occurrence.<Occurrence>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ")"
                                + " and dueAt <= ?2 order by dueAt, id",
                        accountId,
                        clock.instant())
                .stream()
                .map(o -> OccurrenceView.of(o, changes.get(o.id)))
                .toList();
    }

    private Occurrence ofPromiser(UUID partnershipId, UUID commitmentId, LocalDate dueDate, UUID accountId) {
        List<Occurrence> onThatDay = onDay(partnershipId, commitmentId, dueDate);
        return onThatDay.stream()
                .filter(o -> accountId.equals(o.promiserId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_PROMISER,
                        "Only a member who made this promise records its outcome or owns its miss."));
    }

    /** The occurrence on {@code dueDate} that the caller answers as the partner: one the caller did not promise. */
    private Occurrence ofPartner(UUID partnershipId, UUID commitmentId, LocalDate dueDate, UUID accountId) {
        return onDay(partnershipId, commitmentId, dueDate).stream()
                .filter(o -> !accountId.equals(o.promiserId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.OWN_OUTCOME,
                        "You made this promise; your partner confirms, disputes or accepts changes of its outcome."));
    }

    private static void clearRevision(Occurrence occurrence) {
        occurrence.revisionOutcome = null;
        occurrence.revisionNote = null;
        occurrence.revisionRequestedAt = null;
        occurrence.revisionLapsesAt = null;
    }

    /** Keeps the change in the occurrence's history: who, what, when received and when the person acted. */
    private void log(
            Occurrence occurrence, OccurrenceHistory.Event event, Occurrence.Status outcome, UUID actor, String note) {
        history.add(occurrence, event, outcome, actor, note, actionTime.received(), actionTime.now());
    }

    private List<OccurrenceView> views(List<Occurrence> occurrences) {
        Map<UUID, List<OccurrenceHistory.Entry>> changes = history.of(occurrences);
        return occurrences.stream()
                .map(o -> OccurrenceView.of(o, changes.get(o.id)))
                .toList();
    }

    private List<Occurrence> onDay(UUID partnershipId, UUID commitmentId, LocalDate dueDate) {
        commitments.find(partnershipId, commitmentId, LockModeType.NONE);
        List<Occurrence> found = Occurrence.<Occurrence>find(
                        "partnershipId = ?1 and commitmentId = ?2 and dueDate = ?3 order by promiserId",
                        partnershipId,
                        commitmentId,
                        dueDate)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        if (found.isEmpty()) {
            throw ProblemException.notFound("An occurrence of this commitment on " + dueDate);
        }
        return found;
    }

    private OccurrenceView announce(Occurrence occurrence) {
        return announce(occurrence, true);
    }

    /**
     * Announces the change; {@code countsChanged}: what counts (the status, or a verdict) may have moved, so milestones
     * are decided again. Owning a miss, asking for a revision or declining one leave every count as it was.
     */
    private OccurrenceView announce(Occurrence occurrence, boolean countsChanged) {
        Occurrence.flush();
        changes.upserted(
                CommitmentService.OCCURRENCE_TYPE,
                occurrence.id,
                occurrence.version,
                ChangeLog.Scope.partnership(occurrence.partnershipId));
        if (countsChanged) {
            followUp.afterOutcome(occurrence.partnershipId, occurrence.promiserId);
        }
        return views(List.of(occurrence)).get(0);
    }
}
