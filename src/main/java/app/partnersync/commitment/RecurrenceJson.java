package app.partnersync.commitment;

import app.partnersync.common.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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

    /**
     * What is wrong with this recurrence as written, once read as {@code parsed}: each problem as an error of the field
     * it concerns ({@code recurrence.interval}), or of {@code recurrence} as a whole.
     */
    List<Problem.FieldError> problems(Recurrence parsed) {
        List<String> problems = new ArrayList<>(parsed.problems());
        if (time != null && parsed.time() == null) {
            problems.add("time: must be HH:mm");
        }
        return problems.stream()
                .map(problem -> {
                    int colon = problem.indexOf(": ");
                    return colon < 0
                            ? new Problem.FieldError("recurrence", problem)
                            : new Problem.FieldError(
                                    "recurrence." + problem.substring(0, colon), problem.substring(colon + 2));
                })
                .toList();
    }
}
