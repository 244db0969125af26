package app.partnersync.common;

import io.quarkus.panache.common.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last item of a page ordered by (time, id) descending. Keyset rather than offset, so that
 * rows inserted while a client pages never shift or repeat items. Opaque to clients: base64url of {@code v1:<micros>:<uuid>}.
 */
public record KeysetCursor(Instant at, UUID id) {

    private static final String VERSION = "v1";

    /**
     * The JPQL condition for rows after a cursor in ({@code time} desc, {@code id} desc) order; see {@link #bind}. A
     * row-value comparison rather than the equivalent {@code t < :at or (t = :at and id < :id)}: PostgreSQL uses it as
     * an index condition on (…, time, id), while the OR form was sometimes applied as a filter over every earlier row
     * (bench/results/*-plans.md), making a later page cost more than the first.
     */
    public static String after(String time, String id) {
        return "(" + time + ", " + id + ") < (:cursorAt, :cursorId)";
    }

    /** Binds this cursor's position to the parameters of {@link #after}. */
    public Parameters bind(Parameters parameters) {
        return parameters.and("cursorAt", at).and("cursorId", id);
    }

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a cursor this service issued; anything else is an {@link ProblemType#INVALID_CURSOR} problem. */
    public static KeysetCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("shape");
            }
            long micros = Long.parseLong(parts[1]);
            Instant at =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                throw new IllegalArgumentException("id");
            }
            return new KeysetCursor(at, id);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new ProblemException(
                    ProblemType.INVALID_CURSOR, "The cursor was not issued by this service; start again without it.");
        }
    }
}
