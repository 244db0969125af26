package app.partnersync.cadence;

import app.partnersync.checkin.CheckIn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One recurring check-in: a weekly or monthly schedule of a cadence, or the weekly review of a repair plan. It knows
 * when its next reminder is due, so the reminder sweep reads only the schedules that have something to do.
 */
@Entity
@Table(name = "check_in_schedule")
public class CheckInSchedule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "repair_plan_id")
    public UUID repairPlanId;

    @Column(nullable = false)
    public short position;

    /** The kind of check-in it brings: {@code weekly}, {@code monthly} or {@code repair} (never {@code ad_hoc}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckIn.Kind kind;

    /** ISO day of week, 1 = Monday. */
    @Column(name = "day_of_week", nullable = false)
    public short dayOfWeek;

    @Column(name = "week_of_month")
    public Short weekOfMonth;

    @Column(name = "local_time", nullable = false)
    public LocalTime localTime;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "reminder_minutes", nullable = false)
    public int reminderMinutes;

    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;

    public ScheduleRule rule() {
        return new ScheduleRule(
                DayOfWeek.of(dayOfWeek),
                weekOfMonth == null ? null : weekOfMonth.intValue(),
                localTime,
                ZoneId.of(timeZone),
                Duration.ofMinutes(durationMinutes));
    }

    /**
     * Moves {@link #nextReminderAt} to the reminder of the first start after {@code remindedUpTo} (the latest start
     * already reminded, or now plus the lead), or clears it when this schedule sends no reminders.
     */
    void planNextReminder(Instant remindedUpTo) {
        if (reminderMinutes == 0) {
            nextReminderAt = null;
            return;
        }
        nextReminderAt = rule().nextAfter(remindedUpTo)
                .map(start -> start.minus(Duration.ofMinutes(reminderMinutes)))
                .orElse(null);
    }
}
