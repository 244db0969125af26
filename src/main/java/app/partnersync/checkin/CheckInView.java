package app.partnersync.checkin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check-in as one member may see it (the contract's {@code CheckIn}). */
public record CheckInView(
        UUID id,
        UUID partnershipId,
        CheckIn.Kind kind,
        Instant scheduledFor,
        CheckIn.Status status,
        UUID repairPlanId,
        UUID startedBy,
        Instant startedAt,
        Instant closedAt,
        List<EntryView> entries,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * An entry as the viewer may see it. The only place that decides what of an entry leaves the service: every
     * route (single, list, export, sync) builds entries through {@link #forViewer}.
     */
    public record EntryView(
            UUID authorId,
            boolean mine,
            boolean submitted,
            Instant submittedAt,
            boolean sealed,
            Score mood,
            Score safety,
            Score connection,
            Text gratitude,
            Text needs,
            Text whatWorks,
            Text whatToAdjust,
            Instant updatedAt) {

        static EntryView forViewer(Entry e, CheckIn checkIn, UUID viewer) {
            boolean mine = viewer.equals(e.authorId);
            boolean submitted = e.submittedAt != null;
            if (!mine && checkIn.isSealed()) {
                // Sealed: the partner learns only that an entry exists, so nobody anchors on the other's answers.
                return new EntryView(
                        e.authorId, false, submitted, null, true, null, null, null, null, null, null, null, null);
            }
            return new EntryView(
                    e.authorId,
                    mine,
                    submitted,
                    e.submittedAt,
                    false,
                    Score.of(e.mood, e.moodShared, mine),
                    Score.of(e.safety, e.safetyShared, mine),
                    Score.of(e.connection, e.connectionShared, mine),
                    Text.of(e.gratitude, e.gratitudeShared, mine),
                    Text.of(e.needs, e.needsShared, mine),
                    Text.of(e.whatWorks, e.whatWorksShared, mine),
                    Text.of(e.whatToAdjust, e.whatToAdjustShared, mine),
                    e.updatedAt);
        }
    }

    /** A score with its visibility; absent for the partner unless shared. */
    public record Score(int value, String visibility) {

        static Score of(Short value, boolean shared, boolean mine) {
            if (value == null || !(mine || shared)) {
                return null;
            }
            return new Score(value, shared ? "shared" : "private");
        }
    }

    /** A text answer with its visibility; absent for the partner unless shared. */
    public record Text(String text, String visibility) {

        static Text of(String text, boolean shared, boolean mine) {
            if (text == null || !(mine || shared)) {
                return null;
            }
            return new Text(text, shared ? "shared" : "private");
        }
    }

    static CheckInView of(CheckIn c, List<Entry> entries, UUID viewer) {
        return new CheckInView(
                c.id,
                c.partnershipId,
                c.kind,
                c.scheduledFor,
                c.status,
                c.repairPlanId,
                c.startedBy,
                c.startedAt,
                c.closedAt,
                entries.stream().map(e -> EntryView.forViewer(e, c, viewer)).toList(),
                c.version,
                c.createdAt,
                c.updatedAt);
    }
}
