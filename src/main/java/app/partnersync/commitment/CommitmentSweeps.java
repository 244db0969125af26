package app.partnersync.commitment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
        Parameters parameters = Parameters.with("active", Commitment.ACTIVE);
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
