package app.partnersync.cadence;

import app.partnersync.common.PartnershipEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends {@code checkin.reminder} once before each scheduled check-in. Every instance sweeps; a schedule is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and each start with the primary key of {@code check_in_reminder}, so the
 * reminder goes out once whatever the number of instances, retries, or edits of the cadence. A cool-off pause in the
 * partnership holds its schedules back until it ends; a start that passes meanwhile gets no reminder. An ended
 * partnership's schedules stop with it.
 */
@ApplicationScoped
public class CheckInReminders {

    private static final Logger LOG = Logger.getLogger(CheckInReminders.class);

    private static final String DUE = """
            select s.* from check_in_schedule s
            where s.next_reminder_at <= ?1
              and exists (select 1 from partnership p where p.id = s.partnership_id and p.status = 'active')
              and not exists (select 1 from moment m where m.partnership_id = s.partnership_id
                              and m.kind = 'cool_off' and m.ends_at > ?1)
            order by s.next_reminder_at
            limit 500
            for update of s skip locked""";

    /** Claims one start and, when this call claimed it, announces it to the members' live streams on commit. */
    private static final String CLAIM_AND_NOTIFY = """
            with claimed as (
                insert into check_in_reminder (partnership_id, kind, starts_at, sent_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing
                returning partnership_id
            )
            select count(pg_notify('partnersync_changes', json_build_object(
                'kind', 'reminder', 'event', 'checkin.reminder', 'partnershipId', ?1,
                'data', json_strip_nulls(json_build_object('partnershipId', ?1, 'kind', cast(?2 as text),
                    'startsAt', cast(?5 as text), 'endsAt', cast(?6 as text), 'repairPlanId', cast(?7 as text))))::text))
            from claimed""";

    private final EntityManager entityManager;
    private final Event<PartnershipEvent> events;
    private final Clock clock;

    public CheckInReminders(EntityManager entityManager, Event<PartnershipEvent> events, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
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
                Number claimed = (Number) entityManager
                        .createNativeQuery(CLAIM_AND_NOTIFY)
                        .setParameter(1, schedule.partnershipId)
                        .setParameter(2, schedule.kind)
                        .setParameter(3, start)
                        .setParameter(4, now)
                        .setParameter(5, start.toString())
                        .setParameter(6, start.plus(rule.duration()).toString())
                        .setParameter(7, schedule.repairPlanId == null ? null : schedule.repairPlanId.toString())
                        .getSingleResult();
                if (claimed.intValue() > 0) {
                    sent++;
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("partnershipId", schedule.partnershipId);
                    fields.put("kind", schedule.kind);
                    fields.put("startsAt", start);
                    fields.put("endsAt", start.plus(rule.duration()));
                    if (schedule.repairPlanId != null) {
                        fields.put("repairPlanId", schedule.repairPlanId);
                    }
                    events.fire(new PartnershipEvent(
                            schedule.partnershipId, "checkin.reminder", now, null, null, null, null, fields));
                }
            }
            schedule.planNextReminder(remindUpTo);
        }
        return sent;
    }
}
