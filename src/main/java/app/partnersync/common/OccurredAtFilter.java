package app.partnersync.common;

import app.partnersync.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the {@code Occurred-At} header of a member's write (an RFC 3339 time, when the person acted on the device)
 * into the request's {@link ActionTime}; a malformed time is a 400, one out of range an {@code
 * occurred-at-out-of-range} problem, before the operation runs.
 */
public class OccurredAtFilter {

    private final ActionTime actionTime;
    private final SecurityIdentity identity;
    private final Caller caller;

    public OccurredAtFilter(ActionTime actionTime, SecurityIdentity identity, Caller caller) {
        this.actionTime = actionTime;
        this.identity = identity;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void readOccurredAt(ContainerRequestContext request) {
        String header = request.getHeaderString(ActionTime.HEADER);
        if (header == null || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return;
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(header.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    ActionTime.HEADER, "must be an RFC 3339 date-time, e.g. 2026-12-01T07:55:00Z");
        }
        if (identity.isAnonymous()) {
            return;
        }
        actionTime.accept(occurredAt, caller.sessionStartedAt(), ActionTime.HEADER);
    }
}
