package app.partnersync.cadence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partnership's cadence as the API shows it (the contract's {@code Cadence}); version 0 until one is set. */
public record CadenceView(
        UUID partnershipId,
        String timeZone,
        int reminderMinutesBefore,
        List<ScheduleJson> schedules,
        Instant effectiveFrom,
        UUID updatedBy,
        long version,
        Instant updatedAt) {

    static CadenceView unset(UUID partnershipId) {
        return new CadenceView(
                partnershipId, null, CadenceInput.DEFAULT_REMINDER_MINUTES, List.of(), null, null, 0, null);
    }

    static CadenceView of(Cadence cadence, List<CheckInSchedule> schedules) {
        return new CadenceView(
                cadence.id,
                cadence.timeZone,
                cadence.reminderMinutes,
                schedules.stream().map(ScheduleJson::of).toList(),
                cadence.effectiveFrom,
                cadence.updatedBy,
                cadence.version,
                cadence.updatedAt);
    }
}
