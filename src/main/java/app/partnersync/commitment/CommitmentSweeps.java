package app.partnersync.commitment;

import app.partnersync.common.SqlValues;
import app.partnersync.moment.CoolOffs;
import app.partnersync.sync.Announcements;
import app.partnersync.sync.ChangeLog;
import app.partnersync.sync.PartnershipEvent;
import app.partnersync.sync.Recipients;
import app.partnersync.sync.ReminderSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The work that happens by itself: open occurrences past their grace become missed, reminders go out, and occurrence
 * rows are kept materialised ahead. Every instance schedules them; each is claimed row by row in PostgreSQL (an
 * UPDATE's row locks, an insert's unique key), so running on several instances at once does each thing once.
 */
@ApplicationScoped
public class CommitmentSweeps implements ReminderSource {

    private static final Logger LOG = Logger.getLogger(CommitmentSweeps.class);

    static final String REMINDER = "commitment.reminder";

    /**
     * Open occurrences past their grace become missed: the UPDATE's row locks claim each row once, and the same
     * statement keeps the change in each one's history.
     */
    private static final String MISS = """
            with changed as (
                update occurrence set status = 'missed', missed_at = ?1, version = version + 1
                where status = 'open' and %s
                returning partnership_id, id, version, promiser_id
            ),
            logged as (%s)
            select partnership_id, id, version, promiser_id from changed""".formatted(
                    Deadlines.missedSql("due_at", "?2"),
                    OccurrenceHistory.appendedBy("missed_automatically", "'missed'", "cast(?1 as timestamptz)"));

    /**
     * Revisions the partner left unanswered until they lapsed are cleared, and the miss stands: the inner SELECT ...
     * FOR UPDATE claims each row once (a second sweeper re-reads the row, finds no revision and skips it), and the
     * same statement keeps the lapse in the history with the outcome that was proposed.
     */
    private static final String LAPSE =
            """
            with changed as (
                update occurrence o
                set revision_outcome = null, revision_note = null, revision_requested_at = null,
                    revision_lapses_at = null, version = o.version + 1
                from (select id, revision_outcome as proposed from occurrence
                      where revision_outcome is not null and revision_lapses_at <= ?1
                      for update) pending
                where o.id = pending.id and o.revision_outcome is not null
                returning o.partnership_id, o.id, o.version, pending.proposed
            ),
            logged as (%s)
            select partnership_id, id, version from changed""".formatted(OccurrenceHistory.appendedBy("revision_lapsed", "proposed", "cast(?1 as timestamptz)"));

    /**
     * Claims the open occurrences whose reminder time has come, each once (the UPDATE's row locks), except in a
     * partnership whose cool-off pause lasts: its reminders wait until the pause ends.
     */
    private static final String REMIND = """
            update occurrence o set reminder_sent_at = ?1 from commitment c
            where c.id = o.commitment_id and o.status = 'open' and o.reminder_sent_at is null and c.status = 'active'
              and %s
              and %s
            returning o.partnership_id, o.commitment_id, o.id, o.due_at, c.title, o.promiser_id""".formatted(
                    Deadlines.reminderDueSql("o.due_at", "c.reminder_minutes", "?1"),
                    CoolOffs.noneLasting("o.partnership_id", "?1"));

    private final CommitmentService commitments;
    private final ChangeLog changes;
    private final Announcements announcements;
    private final EntityManager entityManager;
    private final CommitmentConfig config;
    private final OutcomeFollowUp followUp;
    private final Clock clock;

    public CommitmentSweeps(
            CommitmentService commitments,
            ChangeLog changes,
            Announcements announcements,
            EntityManager entityManager,
            CommitmentConfig config,
            OutcomeFollowUp followUp,
            Clock clock) {
        this.commitments = commitments;
        this.changes = changes;
        this.announcements = announcements;
        this.entityManager = entityManager;
        this.config = config;
        this.followUp = followUp;
        this.clock = clock;
    }

    /** What a {@code commitment.reminder} says, to the promiser (and to webhooks). */
    record Reminder(
            UUID partnershipId, UUID commitmentId, UUID occurrenceId, Instant dueAt, String title, UUID promiserId) {}

    @Override
    public String reminderType() {
        return REMINDER;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        int missed = sweepMissed();
        int lapsed = sweepLapsedRevisions();
        int reminded = sweepReminders();
        if (missed + lapsed + reminded > 0) {
            LOG.debugf("commitment sweep: %d missed, %d revisions lapsed, %d reminders", missed, lapsed, reminded);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        extendHorizon();
    }

    /**
     * Marks every occurrence still open {@code missedAfter} past its due time as missed; returns how many this run
     * marked. Run by two instances at once, each row is marked (and announced) by exactly one of them.
     */
    public int sweepMissed() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Tuple> marked = SqlValues.tuples(entityManager
                    .createNativeQuery(MISS, Tuple.class)
                    .setParameter(1, now)
                    .setParameter(2, Deadlines.missedIfDueBefore(now, config.missedAfter())));
            announce(marked);
            Set<List<UUID>> members = new LinkedHashSet<>();
            for (Tuple row : marked) {
                members.add(Arrays.asList(row.get("partnership_id", UUID.class), row.get("promiser_id", UUID.class)));
            }
            // A miss can end a streak, and moves follow-through: milestones are decided again, once per member.
            members.forEach(member -> followUp.afterOutcome(member.get(0), member.get(1)));
            return marked.size();
        });
    }

    /**
     * Clears every pending revision whose lapse time has come (the occurrence stays missed) and keeps the lapse in its
     * history; returns how many this run cleared. Run by two instances at once, each lapses exactly once.
     */
    public int sweepLapsedRevisions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> announce(SqlValues.tuples(
                        entityManager.createNativeQuery(LAPSE, Tuple.class).setParameter(1, clock.instant()))));
    }

    /** Announces the occurrences a sweep changed; returns how many. */
    private int announce(List<Tuple> rows) {
        for (Tuple row : rows) {
            changes.upserted(
                    CommitmentService.OCCURRENCE_TYPE,
                    row.get("id", UUID.class),
                    row.get("version", Number.class).longValue(),
                    ChangeLog.Scope.partnership(row.get("partnership_id", UUID.class)));
        }
        return rows.size();
    }

    /**
     * Claims the occurrences whose reminder time has come and announces each exactly once, to its promiser (a
     * rolled-back claim announces nothing); returns how many this run claimed.
     */
    public int sweepReminders() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Tuple> due = SqlValues.tuples(
                    entityManager.createNativeQuery(REMIND, Tuple.class).setParameter(1, now));
            for (Tuple row : due) {
                UUID partnershipId = row.get("partnership_id", UUID.class);
                UUID promiserId = row.get("promiser_id", UUID.class);
                Reminder reminder = new Reminder(
                        partnershipId,
                        row.get("commitment_id", UUID.class),
                        row.get("id", UUID.class),
                        SqlValues.instant(row.get("due_at")),
                        row.get("title", String.class),
                        promiserId);
                announcements.announce(new PartnershipEvent.Reminder(
                        partnershipId,
                        REMINDER,
                        now,
                        promiserId == null ? Recipients.members() : Recipients.member(promiserId),
                        reminder));
            }
            return due.size();
        });
    }

    /** How many commitment ids one page of the horizon sweep reads. */
    static final int HORIZON_PAGE = 500;

    /**
     * Materialises occurrences up to the horizon for every active recurring commitment, one commitment per
     * transaction. A one-off commitment got its only occurrence when it was made, so it is not visited. The ids are
     * read a page at a time in id order (keyset), not all at once: at a million commitments the list alone was the
     * problem (issue 8).
     */
    public int extendHorizon() {
        return extendHorizon(HORIZON_PAGE);
    }

    int extendHorizon(int page) {
        Instant now = clock.instant();
        int created = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> recurringAfter(from, page));
            for (UUID id : ids) {
                created += QuarkusTransaction.requiringNew()
                        .call(() -> Commitment.<Commitment>findByIdOptional(id)
                                .map(c -> commitments.materialize(c, now))
                                .orElse(0));
            }
            if (ids.size() < page) {
                return created;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private static List<UUID> recurringAfter(UUID after, int page) {
        String where = "status = :active and recFrequency is not null" + (after == null ? "" : " and id > :after");
        Parameters parameters = Parameters.with("active", Commitment.Status.active);
        if (after != null) {
            parameters = parameters.and("after", after);
        }
        return Commitment.<Commitment>find(where + " order by id", parameters)
                .page(0, page)
                .project(CommitmentId.class)
                .list()
                .stream()
                .map(CommitmentId::id)
                .toList();
    }

    /** Projection of a commitment to its id. */
    @RegisterForReflection
    public record CommitmentId(UUID id) {}
}
