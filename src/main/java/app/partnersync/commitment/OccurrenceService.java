package app.partnersync.commitment;

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
import java.util.UUID;

/** Lists occurrences and records what became of them: outcomes, the partner's verdict, owning a miss. */
@ApplicationScoped
@Transactional
public class OccurrenceService {

    static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final PartnershipAccess access;
    private final CommitmentService commitments;
    private final ChangeLog changes;
    private final OutcomeFollowUp followUp;
    private final Clock clock;

    public OccurrenceService(
            PartnershipAccess access,
            CommitmentService commitments,
            ChangeLog changes,
            OutcomeFollowUp followUp,
            Clock clock) {
        this.access = access;
        this.commitments = commitments;
        this.changes = changes;
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
        return Occurrence.<Occurrence>list(
                        "commitmentId = ?1 and partnershipId = ?2 and dueAt >= ?3 and dueAt < ?4 order by dueAt, promiserId",
                        commitmentId,
                        partnershipId,
                        start,
                        end)
                .stream()
                .map(OccurrenceView::of)
                .toList();
    }

    /** The promiser says what became of their occurrence on {@code dueDate}. */
    public OccurrenceView recordOutcome(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, OutcomeInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPromiser(partnershipId, commitmentId, dueDate, accountId);
        Outcomes.record(occurrence, input, clock.instant());
        return announce(occurrence);
    }

    /** The partner confirms or disputes a kept outcome (on both-promised commitments: the other member's). */
    public OccurrenceView confirm(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, ConfirmationInput input) {
        access.requireWritable(accountId, partnershipId);
        List<Occurrence> onThatDay = onDay(partnershipId, commitmentId, dueDate);
        Occurrence occurrence = onThatDay.stream()
                .filter(o -> !accountId.equals(o.promiserId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.OWN_OUTCOME,
                        "You made this promise; your partner confirms or disputes its outcome."));
        Outcomes.checkVerdict(occurrence.status, occurrence.confirmation);
        occurrence.confirmation = input.verdict();
        occurrence.confirmedBy = accountId;
        occurrence.confirmedAt = clock.instant();
        occurrence.confirmationNote = Outcomes.blankToNull(input.note());
        return announce(occurrence);
    }

    /** "I messed up": the promiser owns a miss. */
    public OccurrenceView acknowledge(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, AcknowledgementInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPromiser(partnershipId, commitmentId, dueDate, accountId);
        Outcomes.checkAcknowledgement(occurrence.status);
        occurrence.ackWhat = input.whatHappened();
        occurrence.ackPrevention = input.prevention();
        occurrence.acknowledgedAt = clock.instant();
        return announce(occurrence);
    }

    /** Every occurrence of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OccurrenceView> all(UUID accountId) {
        return Occurrence.<Occurrence>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ")"
                                + " and dueAt <= ?2 order by dueAt, id",
                        accountId,
                        clock.instant())
                .stream()
                .map(OccurrenceView::of)
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
        Occurrence.flush();
        changes.upserted(
                CommitmentService.OCCURRENCE_TYPE,
                occurrence.id,
                occurrence.version,
                ChangeLog.Scope.partnership(occurrence.partnershipId));
        followUp.afterOutcome(occurrence.partnershipId, occurrence.promiserId);
        return OccurrenceView.of(occurrence);
    }
}
