package app.partnersync.commitment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A recurrence as the API writes it ({@code time} as {@code HH:mm}); validated by {@link Recurrence#problems()}. */
public record RecurrenceJson(
        Recurrence.Frequency frequency,
        Integer interval,
        List<DayOfWeek> daysOfWeek,
        Integer dayOfMonth,
        String time,
        String timeZone,
        LocalDate startsOn,
        LocalDate until) {

    static RecurrenceJson of(Recurrence recurrence) {
        return recurrence == null
                ? null
                : new RecurrenceJson(
                        recurrence.frequency(),
                        recurrence.interval(),
                        recurrence.daysOfWeek() == null
                                        || recurrence.daysOfWeek().isEmpty()
                                ? null
                                : recurrence.daysOfWeek(),
                        recurrence.dayOfMonth(),
                        String.format(
                                "%02d:%02d",
                                recurrence.time().getHour(), recurrence.time().getMinute()),
                        recurrence.timeZone(),
                        recurrence.startsOn(),
                        recurrence.until());
    }

    /** The recurrence, with the zone defaulted to {@code fallbackZone}; null time stays null for problems() to name. */
    Recurrence toRecurrence(String fallbackZone) {
        LocalTime parsed = null;
        if (time != null && time.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            parsed = LocalTime.parse(time);
        }
        return new Recurrence(
                frequency,
                interval == null ? 1 : interval,
                daysOfWeek,
                dayOfMonth,
                parsed,
                timeZone == null ? fallbackZone : timeZone,
                startsOn,
                until);
    }
}
