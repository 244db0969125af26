package app.partnersync.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the account of the verified access token of the current request, or of the integration token (with
 * what it is allowed to do).
 */
@RequestScoped
public class Caller {

    /** Claim naming the session a token belongs to; the session must still be active when the token is used. */
    /** Claim with the epoch second the token's session began: no client time of this session may be earlier. */
    public static final String SESSION_START_CLAIM = "sst";

    public static final String SESSION_CLAIM = "sid";

    /** Identity attribute of a stream ticket's identity: the session ({@link UUID}) the ticket was made in. */
    public static final String TICKET_SESSION = "partnersync.ticket.session";

    /** Identity attribute of a stream ticket's identity: when the access token that made it expires. */
    public static final String TICKET_EXPIRES_AT = "partnersync.ticket.expires-at";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID accountId() {
        return accountIdOf(identity);
    }

    /** The account of an authenticated identity, whichever kind of token proved it. */
    public static UUID accountIdOf(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token
                ? UUID.fromString(token.getSubject())
                : UUID.fromString(identity.getPrincipal().getName());
    }

    /** When the token expires; a live stream ends then. */
    public Instant expiresAt() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        Instant ticket = identity.getAttribute(TICKET_EXPIRES_AT);
        return ticket != null ? ticket : integration().orElseThrow().expiresAt();
    }

    /** The session of a member's access token (or of the stream ticket it made). */
    public UUID sessionId() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return UUID.fromString(token.getClaim(SESSION_CLAIM));
        }
        UUID ticket = identity.getAttribute(TICKET_SESSION);
        if (ticket == null) {
            throw new IllegalStateException("an integration token has no session");
        }
        return ticket;
    }

    /**
     * When the session of a member's access token began (to the second, rounded down); null for an integration token,
     * a stream ticket, or a token issued before tokens carried it.
     */
    public Instant sessionStartedAt() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(SESSION_START_CLAIM) != null) {
            Object claim = token.getClaim(SESSION_START_CLAIM);
            long seconds = claim instanceof Number number
                    ? number.longValue()
                    : Long.parseLong(claim.toString().replaceAll("[^0-9-]", ""));
            return Instant.ofEpochSecond(seconds);
        }
        return null;
    }

    /** Present when the request came with an integration token. */
    public Optional<IntegrationGrant> integration() {
        return Optional.ofNullable(identity.getAttribute(IntegrationGrant.ATTRIBUTE));
    }
}
