package app.partnersync.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.checkin.CheckIn;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A schedule row as the rule it stands for, the reminder it plans, and how it shows in the API: a repair review's
 * weekly row keeps its local time across daylight saving like any other.
 */
class CheckInScheduleTest {

    private static CheckInSchedule row(CheckIn.Kind kind, DayOfWeek day, Integer week, String time, int reminder) {
        CheckInSchedule schedule = new CheckInSchedule();
        schedule.id = UUID.randomUUID();
        schedule.partnershipId = UUID.randomUUID();
        schedule.kind = kind;
        schedule.dayOfWeek = (short) day.getValue();
        schedule.weekOfMonth = week == null ? null : week.shortValue();
        schedule.localTime = LocalTime.parse(time);
        schedule.timeZone = "Europe/Berlin";
        schedule.durationMinutes = 30;
        schedule.reminderMinutes = reminder;
        return schedule;
    }

    @Test
    void aRepairReviewKeepsItsLocalTimeWhenTheClocksGoBack() {
        CheckInSchedule review = row(CheckIn.Kind.repair, DayOfWeek.WEDNESDAY, null, "19:00", 60);
        review.repairPlanId = UUID.randomUUID();
        assertEquals(
                List.of(
                        Instant.parse("2027-10-27T17:00:00Z"), // CEST, UTC+2
                        Instant.parse("2027-11-03T18:00:00Z")), // CET, UTC+1, the first review after the change
                review.rule()
                        .startsBetween(Instant.parse("2027-10-25T00:00:00Z"), Instant.parse("2027-11-05T00:00:00Z")));
        assertEquals(
                new CadenceService.Review(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0), "Europe/Berlin", 30, 60),
                CadenceService.Review.of(review));
    }

    @Test
    void theNextReminderIsItsLeadBeforeTheNextStartAcrossSpringForward() {
        CheckInSchedule weekly = row(CheckIn.Kind.weekly, DayOfWeek.SUNDAY, null, "19:00", 60);
        weekly.planNextReminder(Instant.parse("2027-03-21T18:00:00Z")); // the start just reminded, in CET
        assertEquals(Instant.parse("2027-03-28T16:00:00Z"), weekly.nextReminderAt); // 19:00 CEST is 17:00Z, less 1 h
    }

    @Test
    void aScheduleWithoutRemindersPlansNone() {
        CheckInSchedule weekly = row(CheckIn.Kind.weekly, DayOfWeek.SUNDAY, null, "19:00", 0);
        weekly.nextReminderAt = Instant.parse("2027-03-21T17:00:00Z");
        weekly.planNextReminder(Instant.parse("2027-03-20T00:00:00Z"));
        assertNull(weekly.nextReminderAt);
    }

    @Test
    void aMonthlyRowIsAMonthlyRuleAndShowsAsTheApiWritesIt() {
        CheckInSchedule monthly = row(CheckIn.Kind.monthly, DayOfWeek.SATURDAY, -1, "09:05", 60);
        assertTrue(monthly.rule().monthly());
        assertFalse(row(CheckIn.Kind.weekly, DayOfWeek.SATURDAY, null, "09:05", 60)
                .rule()
                .monthly());
        assertEquals(
                new ScheduleJson(ScheduleJson.Kind.monthly, DayOfWeek.SATURDAY, -1, "09:05", 30),
                ScheduleJson.of(monthly));
    }

    @Test
    void aCadenceScheduleKindIsTheKindOfCheckInItBrings() {
        assertEquals(CheckIn.Kind.weekly, ScheduleJson.Kind.weekly.checkInKind());
        assertEquals(CheckIn.Kind.monthly, ScheduleJson.Kind.monthly.checkInKind());
        assertEquals(ScheduleJson.Kind.monthly, ScheduleJson.Kind.of(CheckIn.Kind.monthly));
        assertThrows(IllegalArgumentException.class, () -> ScheduleJson.Kind.of(CheckIn.Kind.repair));
        assertThrows(IllegalArgumentException.class, () -> ScheduleJson.Kind.of(CheckIn.Kind.ad_hoc));
    }
}
