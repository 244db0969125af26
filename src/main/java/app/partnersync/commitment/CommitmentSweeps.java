package app.partnersync.commitment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The work that happens by itself: open occurrences past their grace become missed, reminders go out, and occurrence
 * rows are kept materialised ahead. Every instance schedules them; each is claimed row by row in PostgreSQL (an
 * UPDATE's row locks, an insert's unique key), so running on several instances at once does each thing once.
 */
@ApplicationScoped
public class CommitmentSweeps {

    private static final Logger LOG = Logger.getLogger(CommitmentSweeps.class);

    private final OccurrenceService occurrences;
    private final CommitmentService commitments;
    private final CommitmentConfig config;
    private final Clock clock;

    public CommitmentSweeps(
            OccurrenceService occurrences, CommitmentService commitments, CommitmentConfig config, Clock clock) {
        this.occurrences = occurrences;
        this.commitments = commitments;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        int missed = sweepMissed();
        int reminded = sweepReminders();
        if (missed + reminded > 0) {
            LOG.debugf("commitment sweep: %d missed, %d reminders", missed, reminded);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        extendHorizon();
    }

    /** Marks overdue open occurrences missed; returns how many this run marked. */
    public int sweepMissed() {
        return QuarkusTransaction.requiringNew().call(() -> occurrences.sweepMissed(config.missedAfter()));
    }

    /** Sends due reminders; returns how many this run claimed. */
    public int sweepReminders() {
        return QuarkusTransaction.requiringNew().call(occurrences::sweepReminders);
    }

    /** Materialises occurrences up to the horizon for every active commitment, one commitment per transaction. */
    public int extendHorizon() {
        Instant now = clock.instant();
        List<UUID> active = QuarkusTransaction.requiringNew()
                .call(() -> Commitment.<Commitment>list("status", Commitment.ACTIVE).stream()
                        .map(c -> c.id)
                        .toList());
        int created = 0;
        for (UUID id : active) {
            created += QuarkusTransaction.requiringNew()
                    .call(() -> Commitment.<Commitment>findByIdOptional(id)
                            .map(c -> commitments.materialize(c, now))
                            .orElse(0));
        }
        return created;
    }
}
