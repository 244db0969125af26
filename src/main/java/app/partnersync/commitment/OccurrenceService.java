package app.partnersync.commitment;

import app.partnersync.common.PartnershipEvent;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.SqlValues;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
    private final EntityManager entityManager;
    private final Event<PartnershipEvent> events;
    private final Clock clock;

    public OccurrenceService(
            PartnershipAccess access,
            CommitmentService commitments,
            ChangeLog changes,
            EntityManager entityManager,
            Event<PartnershipEvent> events,
            Clock clock) {
        this.access = access;
        this.commitments = commitments;
        this.changes = changes;
        this.entityManager = entityManager;
        this.events = events;
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
        Instant now = clock.instant();
        if (ConfirmationInput.Verdict.confirmed.name().equals(occurrence.confirmation)) {
            throw conflict("Your partner confirmed this outcome; it can no longer change.");
        }
        // A disputed outcome may be recorded again; the new one awaits a new verdict.
        occurrence.confirmation = null;
        occurrence.confirmedBy = null;
        occurrence.confirmedAt = null;
        occurrence.confirmationNote = null;
        switch (input.outcome()) {
            case renegotiated -> {
                if (!now.isBefore(occurrence.dueAt)) {
                    throw conflict("Renegotiating is for before the due time (say so when running late); "
                            + "afterwards the occurrence counts as missed.");
                }
                if (input.reason() == null || input.reason().isBlank()) {
                    throw ProblemException.invalidField("reason", "is required when renegotiating");
                }
                occurrence.reason = input.reason();
                occurrence.movedTo = input.movedTo();
            }
            case missed -> occurrence.missedAt = now;
            default -> {
                if (input.movedTo() != null) {
                    throw ProblemException.invalidField("movedTo", "is only for a renegotiated outcome");
                }
            }
        }
        if (input.outcome() != OutcomeInput.Outcome.missed) {
            occurrence.missedAt = null;
        }
        occurrence.status = input.outcome().name();
        occurrence.note = input.note() == null || input.note().isBlank() ? null : input.note();
        occurrence.recordedAt = now;
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
        if (!Occurrence.KEPT.equals(occurrence.status)) {
            throw conflict("Only a kept outcome can be confirmed or disputed.");
        }
        if (ConfirmationInput.Verdict.confirmed.name().equals(occurrence.confirmation)) {
            throw conflict("This outcome is confirmed already; a confirmation is final.");
        }
        occurrence.confirmation = input.verdict().name();
        occurrence.confirmedBy = accountId;
        occurrence.confirmedAt = clock.instant();
        occurrence.confirmationNote = input.note() == null || input.note().isBlank() ? null : input.note();
        return announce(occurrence);
    }

    /** "I messed up": the promiser owns a miss. */
    public OccurrenceView acknowledge(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, AcknowledgementInput input) {
        access.requireWritable(accountId, partnershipId);
        Occurrence occurrence = ofPromiser(partnershipId, commitmentId, dueDate, accountId);
        if (!Occurrence.MISSED.equals(occurrence.status)) {
            throw conflict("Only a missed occurrence can be acknowledged.");
        }
        occurrence.ackWhat = input.whatHappened();
        occurrence.ackPrevention = input.prevention();
        occurrence.acknowledgedAt = clock.instant();
        return announce(occurrence);
    }

    /** Every occurrence of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OccurrenceView> all(UUID accountId) {
        return Occurrence.<Occurrence>list(
                        "partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = ?1)"
                                + " and dueAt <= ?2 order by dueAt, id",
                        accountId,
                        clock.instant())
                .stream()
                .map(OccurrenceView::of)
                .toList();
    }

    /**
     * Marks every occurrence still open {@code grace} after its due time as missed. One UPDATE claims the rows: run
     * by two instances at once, each row is marked (and announced) by exactly one of them; a second run finds none.
     */
    public int sweepMissed(Duration grace) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> marked = entityManager
                .createNativeQuery("update occurrence set status = 'missed', missed_at = ?1, version = version + 1"
                        + " where status = 'open' and due_at < ?2 returning partnership_id, id, version")
                .setParameter(1, now)
                .setParameter(2, now.minus(grace))
                .getResultList();
        for (Object[] row : marked) {
            changes.upserted(
                    CommitmentService.OCCURRENCE_TYPE,
                    (UUID) row[1],
                    ((Number) row[2]).longValue(),
                    ChangeLog.Scope.partnership((UUID) row[0]));
        }
        return marked.size();
    }

    /**
     * Claims the occurrences whose reminder time has come and announces each exactly once on the live stream (a
     * NOTIFY in the claiming transaction, delivered when it commits; a rolled-back claim announces nothing).
     */
    public int sweepReminders() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager
                .createNativeQuery("update occurrence o set reminder_sent_at = ?1 from commitment c"
                        + " where c.id = o.commitment_id and o.status = 'open' and o.reminder_sent_at is null"
                        + " and c.reminder_minutes is not null and c.status = 'active'"
                        + " and o.due_at - make_interval(mins => c.reminder_minutes) <= ?1 and o.due_at > ?1"
                        // A cool-off pause holds the partnership's reminders back until it ends.
                        + " and not exists (select 1 from moment m where m.partnership_id = o.partnership_id"
                        + " and m.kind = 'cool_off' and m.ends_at > ?1)"
                        + " returning o.partnership_id, o.commitment_id, o.id, o.due_at, c.title, o.promiser_id")
                .setParameter(1, now)
                .getResultList();
        for (Object[] row : due) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("partnershipId", row[0]);
            fields.put("commitmentId", row[1]);
            fields.put("occurrenceId", row[2]);
            fields.put("dueAt", SqlValues.instant(row[3]));
            fields.put("title", row[4]);
            if (row[5] != null) {
                fields.put("promiserId", row[5]);
            }
            events.fire(
                    new PartnershipEvent((UUID) row[0], "commitment.reminder", now, null, null, null, null, fields));
        }
        for (Object[] row : due) {
            entityManager
                    .createNativeQuery("select pg_notify('partnersync_changes', json_build_object('kind', 'reminder',"
                            + " 'event', 'commitment.reminder', 'partnershipId', ?1, 'promiser', cast(?6 as text), 'data',"
                            + " json_build_object('partnershipId', ?1, 'commitmentId', ?2, 'occurrenceId', ?3,"
                            + " 'dueAt', ?4, 'title', ?5))::text)")
                    .setParameter(1, row[0].toString())
                    .setParameter(2, row[1].toString())
                    .setParameter(3, row[2].toString())
                    .setParameter(4, row[3].toString())
                    .setParameter(5, (String) row[4])
                    .setParameter(6, row[5] == null ? null : row[5].toString())
                    .getSingleResult();
        }
        return due.size();
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
        return OccurrenceView.of(occurrence);
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.OUTCOME_CONFLICT, detail);
    }
}
