package app.partnersync.commitment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Weeks as the insights count them: Monday to Sunday in a member's own time zone. */
public final class Weeks {

    private Weeks() {}

    /** The Monday of the week that holds {@code instant} in {@code zone}. */
    public static LocalDate mondayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The Monday of every week overlapping {@code [from, to]} in {@code zone}, oldest first. */
    public static List<LocalDate> overlapping(Instant from, Instant to, ZoneId zone) {
        List<LocalDate> mondays = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate monday = mondayOf(from, zone); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        return mondays;
    }
}
