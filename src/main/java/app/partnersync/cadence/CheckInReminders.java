package app.partnersync.cadence;

import app.partnersync.checkin.CheckIn;
import app.partnersync.moment.CoolOffs;
import app.partnersync.sync.Announcements;
import app.partnersync.sync.PartnershipEvent;
import app.partnersync.sync.Recipients;
import app.partnersync.sync.ReminderSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends {@code checkin.reminder} once before each scheduled check-in. Every instance sweeps; a schedule is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and each start with the primary key of {@code check_in_reminder}, so the
 * reminder goes out once whatever the number of instances, retries, or edits of the cadence. A cool-off pause in the
 * partnership holds its schedules back until it ends; a start that passes meanwhile gets no reminder. An ended
 * partnership's schedules stop with it.
 */
@ApplicationScoped
public class CheckInReminders implements ReminderSource {

    private static final Logger LOG = Logger.getLogger(CheckInReminders.class);

    private static final String DUE = """
            select s.* from check_in_schedule s
            where s.next_reminder_at <= ?1
              and exists (select 1 from partnership p where p.id = s.partnership_id and p.status = 'active')
              and %s
            order by s.next_reminder_at
            limit 500
            for update of s skip locked""".formatted(CoolOffs.noneLasting("s.partnership_id", "?1"));

    /** Claims one start: one row, whichever instance or retry gets there first. */
    private static final String CLAIM = "insert into check_in_reminder (partnership_id, kind, starts_at, sent_at)"
            + " values (?1, ?2, ?3, ?4) on conflict do nothing";

    static final String EVENT = "checkin.reminder";

    private final EntityManager entityManager;
    private final Announcements announcements;
    private final Clock clock;

    public CheckInReminders(EntityManager entityManager, Announcements announcements, Clock clock) {
        this.entityManager = entityManager;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What a {@code checkin.reminder} says: which check-in starts when (a repair review names its plan). */
    record Reminder(UUID partnershipId, CheckIn.Kind kind, Instant startsAt, Instant endsAt, UUID repairPlanId) {}

    @Override
    public String reminderType() {
        return EVENT;
    }

    @Scheduled(every = "1m", delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        int sent = sweep();
        if (sent > 0) {
            LOG.debugf("check-in reminders: %d sent", sent);
        }
    }

    @Scheduled(every = "24h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from check_in_reminder where starts_at < ?1")
                        .setParameter(1, clock.instant().minus(Duration.ofDays(30)))
                        .executeUpdate());
    }

    /** Sends the reminders that are due; returns how many this call sent. */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(this::sweepInTransaction);
    }

    private int sweepInTransaction() {
        Instant now = clock.instant();
        entityManager
                .createNativeQuery(
                        "update check_in_schedule s set next_reminder_at = null where next_reminder_at <= ?1"
                                + " and exists (select 1 from partnership p where p.id = s.partnership_id and p.status = 'ended')")
                .setParameter(1, now)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<CheckInSchedule> due = entityManager
                .createNativeQuery(DUE, CheckInSchedule.class)
                .setParameter(1, now)
                .getResultList();
        int sent = 0;
        for (CheckInSchedule schedule : due) {
            ScheduleRule rule = schedule.rule();
            Instant remindUpTo = now.plus(Duration.ofMinutes(schedule.reminderMinutes));
            for (Instant start : rule.startsBetween(now.plusNanos(1), remindUpTo.plusNanos(1))) {
                int claimed = entityManager
                        .createNativeQuery(CLAIM)
                        .setParameter(1, schedule.partnershipId)
                        .setParameter(2, schedule.kind.name())
                        .setParameter(3, start)
                        .setParameter(4, now)
                        .executeUpdate();
                if (claimed > 0) {
                    sent++;
                    announcements.announce(new PartnershipEvent.Reminder(
                            schedule.partnershipId,
                            EVENT,
                            now,
                            Recipients.members(),
                            new Reminder(
                                    schedule.partnershipId,
                                    schedule.kind,
                                    start,
                                    start.plus(rule.duration()),
                                    schedule.repairPlanId)));
                }
            }
            schedule.planNextReminder(remindUpTo);
        }
        return sent;
    }
}
