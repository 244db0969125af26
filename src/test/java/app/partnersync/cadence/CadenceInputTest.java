package app.partnersync.cadence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a cadence's schedules must be beyond bean validation: week-of-month rules and no schedule twice. */
class CadenceInputTest {

    private static ScheduleJson weekly(DayOfWeek day, String time, Integer duration) {
        return new ScheduleJson(ScheduleJson.Kind.weekly, day, null, time, duration);
    }

    private static ScheduleJson monthly(Integer week, DayOfWeek day, String time) {
        return new ScheduleJson(ScheduleJson.Kind.monthly, day, week, time, null);
    }

    private static void assertRefused(String field, String message, ScheduleJson... schedules) {
        CadenceInput input = new CadenceInput("Europe/Berlin", null, List.of(schedules));
        ProblemException refusal = assertThrows(ProblemException.class, input::requireConsistentSchedules);
        assertEquals(ProblemType.VALIDATION_FAILED, refusal.type());
        assertEquals(List.of(new Problem.FieldError(field, message)), refusal.errors());
    }

    private static void assertAccepted(ScheduleJson... schedules) {
        CadenceInput input = new CadenceInput("Europe/Berlin", null, List.of(schedules));
        assertDoesNotThrow(input::requireConsistentSchedules);
    }

    @Test
    void aMonthlyScheduleNeedsItsWeekOfMonth() {
        assertRefused(
                "schedules[1].weekOfMonth",
                "is required for a monthly schedule: 1 to 4, or -1 for the last",
                weekly(DayOfWeek.SUNDAY, "19:00", null),
                monthly(null, DayOfWeek.SATURDAY, "10:00"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -2, 52})
    void aWeekOfMonthIsOneToFourOrTheLast(int week) {
        assertRefused(
                "schedules[0].weekOfMonth",
                "must be 1, 2, 3, 4 or -1 (the last)",
                monthly(week, DayOfWeek.SATURDAY, "10:00"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 2, 3, 4})
    void everyWeekOfMonthOfTheContractIsTaken(int week) {
        assertAccepted(monthly(week, DayOfWeek.SATURDAY, "10:00"));
    }

    @Test
    void aWeeklyScheduleHasNoWeekOfMonth() {
        assertRefused(
                "schedules[0].weekOfMonth",
                "only for a monthly schedule",
                new ScheduleJson(ScheduleJson.Kind.weekly, DayOfWeek.SUNDAY, 1, "19:00", null));
    }

    @Test
    void theSameScheduleTwiceIsRefusedWhateverItsDuration() {
        assertRefused(
                "schedules[2]",
                "the same schedule is listed twice",
                weekly(DayOfWeek.SUNDAY, "19:00", 15),
                weekly(DayOfWeek.MONDAY, "19:00", 15),
                weekly(DayOfWeek.SUNDAY, "19:00", 45));
    }

    @Test
    void schedulesApartByKindWeekDayOrTimeAreDifferent() {
        assertAccepted(
                weekly(DayOfWeek.SUNDAY, "19:00", null),
                monthly(1, DayOfWeek.SUNDAY, "19:00"),
                monthly(-1, DayOfWeek.SUNDAY, "19:00"),
                weekly(DayOfWeek.SUNDAY, "19:30", null));
    }
}
