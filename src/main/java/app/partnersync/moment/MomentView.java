package app.partnersync.moment;

import java.time.Instant;
import java.util.UUID;

/** A moment as both members see it (the contract's {@code Moment}). */
public record MomentView(
        UUID id,
        UUID partnershipId,
        Moment.Kind kind,
        UUID authorId,
        String message,
        Instant arrivalAt,
        CreateMomentRequest.OccurrenceRef occurrence,
        Instant endsAt,
        Instant createdAt,
        long version) {

    static MomentView of(Moment m) {
        return new MomentView(
                m.id,
                m.partnershipId,
                m.kind,
                m.authorId,
                m.message,
                m.arrivalAt,
                m.commitmentId == null ? null : new CreateMomentRequest.OccurrenceRef(m.commitmentId, m.dueDate),
                m.endsAt,
                m.createdAt,
                m.version);
    }
}
