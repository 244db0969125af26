package app.partnersync.moment;

import app.partnersync.common.ProblemException;
import java.time.Duration;
import java.time.Instant;

/** Which fields each kind of moment takes, and how long a cool-off lasts: checked without a database. */
final class MomentRules {

    /** A cool-off without a length lasts this long. */
    static final int DEFAULT_COOL_OFF_MINUTES = 10;

    private MomentRules() {}

    /**
     * Refuses a request missing a field its kind needs (an appreciation's message, a running-late notice's arrival
     * time) or carrying one that does not apply to it, naming the first such field.
     */
    static void checkFields(CreateMomentRequest request) {
        Moment.Kind kind = request.kind();
        switch (kind) {
            case appreciation -> {
                require(request.message() != null, "message", "is required for an appreciation");
                forbid(request.arrivalAt(), "arrivalAt", kind);
                forbid(request.occurrence(), "occurrence", kind);
                forbid(request.minutes(), "minutes", kind);
            }
            case running_late -> {
                require(
                        request.arrivalAt() != null,
                        "arrivalAt",
                        "is required when running late: the new arrival time");
                forbid(request.minutes(), "minutes", kind);
            }
            case cool_off -> {
                forbid(request.arrivalAt(), "arrivalAt", kind);
                forbid(request.occurrence(), "occurrence", kind);
            }
        }
    }

    /** When a cool-off made at {@code now} for {@code minutes} (or the default) ends. */
    static Instant coolOffEnds(Instant now, Integer minutes) {
        return now.plus(Duration.ofMinutes(minutes == null ? DEFAULT_COOL_OFF_MINUTES : minutes));
    }

    /** The reason a running-late notice gives its renegotiation: its message, or a plain default. */
    static String renegotiationReason(String message) {
        return message == null ? "Running late" : message;
    }

    private static void require(boolean present, String field, String message) {
        if (!present) {
            throw ProblemException.invalidField(field, message);
        }
    }

    private static void forbid(Object value, String field, Moment.Kind kind) {
        if (value != null) {
            throw ProblemException.invalidField(field, "does not apply to a " + kind + " moment");
        }
    }
}
