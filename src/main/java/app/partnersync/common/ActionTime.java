package app.partnersync.common;

import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * When the person acted, for every rule that depends on time (before or after a due time, when a cool-off starts,
 * when a miss was owned): the {@code occurredAt} the device sent with a pushed mutation or the {@code Occurred-At}
 * header of a request, once {@link #accept accepted}, else the time the request arrived. A client time is accepted when
 * it is not later than receipt, not older than {@code partnersync.occurred-at.max-age}, and not before the session that
 * sends it began: an offline edit keeps the time it was made, and no client can move an action further than that.
 */
@RequestScoped
public class ActionTime {

    /** The request header a single request names its client time with. */
    public static final String HEADER = "Occurred-At";

    private final Clock clock;
    private final OccurredAtConfig config;
    private Instant received;
    private Instant occurred;

    public ActionTime(Clock clock, OccurredAtConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** When the person acted: the accepted client time, else when the request arrived. */
    public Instant now() {
        return occurred != null ? occurred : received();
    }

    /** When the service received the request (read once per request, so that every write of it agrees). */
    public Instant received() {
        if (received == null) {
            received = clock.instant();
        }
        return received;
    }

    /** The accepted client time, or null when the request carried none. */
    public Instant occurredAt() {
        return occurred;
    }

    /**
     * Takes {@code occurredAt} (null: none) as the time of what this request does, or refuses it with an {@code
     * occurred-at-out-of-range} problem naming {@code field}; {@code sessionStart} is when the sender's session began
     * (null: no session, as for an integration token).
     */
    public void accept(Instant occurredAt, Instant sessionStart, String field) {
        occurred = check(occurredAt, sessionStart, field);
    }

    /**
     * Runs {@code work} as the person acted at {@code occurredAt} (one pushed mutation), then restores the time of the
     * request; a time out of range is refused before {@code work} runs.
     */
    public <T> T actingAt(Instant occurredAt, Instant sessionStart, String field, Supplier<T> work) {
        Instant before = occurred;
        occurred = check(occurredAt, sessionStart, field);
        try {
            return work.get();
        } finally {
            occurred = before;
        }
    }

    private Instant check(Instant occurredAt, Instant sessionStart, String field) {
        if (occurredAt == null) {
            return null;
        }
        Instant now = received();
        if (occurredAt.isAfter(now)) {
            throw outOfRange(field, "is later than the service's time (" + now + "): it cannot be in the future");
        }
        Duration maxAge = config.maxAge();
        if (occurredAt.isBefore(now.minus(maxAge))) {
            throw outOfRange(field, "is more than " + maxAge.toHours() + " hours ago, longer than an edit may wait");
        }
        if (sessionStart != null && occurredAt.isBefore(sessionStart)) {
            throw outOfRange(field, "is before the session that sends it began (" + sessionStart + ")");
        }
        return occurredAt;
    }

    private static ProblemException outOfRange(String field, String message) {
        return new ProblemException(
                ProblemType.OCCURRED_AT_OUT_OF_RANGE,
                "The time the action is said to have happened cannot be accepted.",
                List.of(new Problem.FieldError(field, message)),
                Map.of());
    }
}
