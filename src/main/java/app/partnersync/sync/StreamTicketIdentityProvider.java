package app.partnersync.sync;

import app.partnersync.identity.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Spends a stream ticket and stands in for the member whose access token bought it: the same account and session,
 * until that token would have expired. A ticket that is unknown, spent, expired, or whose session has ended fails
 * authentication (401), and is spent all the same.
 */
@ApplicationScoped
public class StreamTicketIdentityProvider implements IdentityProvider<StreamTicketMechanism.Request> {

    private final StreamTickets tickets;
    private final StreamSessions sessions;

    public StreamTicketIdentityProvider(StreamTickets tickets, StreamSessions sessions) {
        this.tickets = tickets;
        this.sessions = sessions;
    }

    @Override
    public Class<StreamTicketMechanism.Request> getRequestType() {
        return StreamTicketMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            StreamTicketMechanism.Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            StreamTickets.Claimed claimed = tickets.claim(request.secret)
                    .filter(ticket -> sessions.isActive(ticket.sessionId(), ticket.accountId()))
                    .orElseThrow(() -> new AuthenticationFailedException("unknown, spent or expired stream ticket"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(claimed.accountId().toString()))
                    .addAttribute(Caller.TICKET_SESSION, claimed.sessionId())
                    .addAttribute(Caller.TICKET_EXPIRES_AT, claimed.accessExpiresAt())
                    .build();
        });
    }
}
