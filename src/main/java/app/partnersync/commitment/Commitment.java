package app.partnersync.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A promise inside a partnership: one-off (a due time) or recurring (a recurrence in a zone). */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    /** Active: occurrences keep coming; archived: kept as history, nothing new is due. */
    public enum Status {
        active,
        archived
    }

    /** What kind of promise it is. */
    public enum Category {
        chore,
        check_in,
        goal,
        other
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String title;

    public String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    /** Comma-separated account ids. */
    @Column(name = "promised_by", nullable = false)
    public String promisedBy;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "rec_frequency")
    public String recFrequency;

    @Column(name = "rec_interval")
    public Integer recInterval;

    @Column(name = "rec_days")
    public String recDays;

    @Column(name = "rec_day_of_month")
    public Integer recDayOfMonth;

    @Column(name = "rec_time")
    public LocalTime recTime;

    @Column(name = "rec_zone")
    public String recZone;

    @Column(name = "rec_starts_on")
    public LocalDate recStartsOn;

    @Column(name = "rec_until")
    public LocalDate recUntil;

    @Column(name = "reminder_minutes")
    public Integer reminderMinutes;

    @Column(name = "target_count")
    public Integer targetCount;

    @Column(name = "target_window_days")
    public Integer targetWindowDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by")
    public UUID createdBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    List<UUID> promisers() {
        return promisedBy.isEmpty()
                ? List.of()
                : Arrays.stream(promisedBy.split(",")).map(UUID::fromString).toList();
    }

    void promisers(List<UUID> accounts) {
        promisedBy = String.join(",", accounts.stream().map(UUID::toString).toList());
    }

    /** The recurrence, or null for a one-off. */
    Recurrence recurrence() {
        if (recFrequency == null) {
            return null;
        }
        List<DayOfWeek> days = recDays == null || recDays.isEmpty()
                ? null
                : Arrays.stream(recDays.split(",")).map(DayOfWeek::valueOf).toList();
        return new Recurrence(
                Recurrence.Frequency.valueOf(recFrequency),
                recInterval,
                days,
                recDayOfMonth,
                recTime,
                recZone,
                recStartsOn,
                recUntil);
    }

    void recurrence(Recurrence recurrence) {
        recFrequency = recurrence == null ? null : recurrence.frequency().name();
        recInterval = recurrence == null ? null : recurrence.interval();
        recDays = recurrence == null || recurrence.daysOfWeek() == null
                ? null
                : String.join(
                        ",",
                        recurrence.daysOfWeek().stream().map(DayOfWeek::name).toList());
        recDayOfMonth = recurrence == null ? null : recurrence.dayOfMonth();
        recTime = recurrence == null ? null : recurrence.time();
        recZone = recurrence == null ? null : recurrence.timeZone();
        recStartsOn = recurrence == null ? null : recurrence.startsOn();
        recUntil = recurrence == null ? null : recurrence.until();
    }
}
