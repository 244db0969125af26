package app.partnersync.commitment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A commitment as the API shows it to the members (the contract's {@code Commitment}). */
public record CommitmentView(
        UUID id,
        UUID partnershipId,
        String title,
        String details,
        List<UUID> promisedBy,
        Commitment.Category category,
        Instant dueAt,
        RecurrenceJson recurrence,
        Integer reminderMinutesBefore,
        GoalTarget target,
        GoalProgress progress,
        Commitment.Status status,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The commitment without its goal's progress ({@link Goals} adds it). */
    static CommitmentView of(Commitment c) {
        return new CommitmentView(
                c.id,
                c.partnershipId,
                c.title,
                c.details,
                c.promisers(),
                c.category,
                c.dueAt,
                RecurrenceJson.of(c.recurrence()),
                c.reminderMinutes,
                c.targetCount == null ? null : new GoalTarget(c.targetCount, c.targetWindowDays),
                null,
                c.status,
                c.createdBy,
                c.createdAt,
                c.updatedAt,
                c.version);
    }

    CommitmentView withProgress(GoalProgress now) {
        return new CommitmentView(
                id,
                partnershipId,
                title,
                details,
                promisedBy,
                category,
                dueAt,
                recurrence,
                reminderMinutesBefore,
                target,
                now,
                status,
                createdBy,
                createdAt,
                updatedAt,
                version);
    }
}
