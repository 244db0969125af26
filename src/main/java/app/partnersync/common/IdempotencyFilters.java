package app.partnersync.common;

import app.partnersync.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} for every authenticated POST, once for all resources: the same key and request from the
 * same account within 24 hours replays the first answer (status, headers, body) without running the operation again;
 * the same key for another request is a 422; a key whose request is still running is a 409. Server failures (5xx)
 * and rate limits (429) are not kept, so that the retry really runs. Unauthenticated POSTs ({@code /v1/auth/register},
 * login, refresh) and those marked {@link SecretInAnswer} take no key: their answers carry secrets, which are never
 * stored.
 */
public class IdempotencyFilters {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilters.class.getName() + ".claim";
    private static final List<String> KEPT_HEADERS =
            List.of("Location", "ETag", "Cache-Control", "Content-Disposition");

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public IdempotencyFilters(IdempotencyStore store, SecurityIdentity identity, ObjectMapper json) {
        this.store = store;
        this.identity = identity;
        this.json = json;
    }

    private record Owned(UUID accountId, String key) {}

    @ServerRequestFilter
    public Optional<Response> claim(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        if (resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(SecretInAnswer.class)) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.codePointCount(0, key.length()) > 255) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 255 characters");
        }
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        UUID accountId = Caller.accountIdOf(identity);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = hash(request.getMethod() + " " + request.getUriInfo().getPath() + "\n", body);
        IdempotencyStore.Claim claim = store.claim(accountId, key, hash);
        if (claim instanceof IdempotencyStore.Replay replay) {
            return Optional.of(replay(replay));
        }
        if (claim instanceof IdempotencyStore.InProgress) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry in a moment.");
        }
        if (claim instanceof IdempotencyStore.Mismatch) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        request.setProperty(CLAIM, new Owned(accountId, key));
        return Optional.empty();
    }

    @ServerResponseFilter
    public void complete(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Owned owned)) {
            return;
        }
        request.removeProperty(CLAIM);
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            recording(owned, () -> store.release(owned.accountId(), owned.key()));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getMediaType() != null) {
            headers.put("Content-Type", response.getMediaType().toString());
        }
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            String kept = json.writeValueAsString(headers);
            recording(owned, () -> store.complete(owned.accountId(), owned.key(), status, kept, body));
        } catch (JsonProcessingException e) {
            store.release(owned.accountId(), owned.key());
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the key's outcome. The operation has already committed (or failed) in its own transaction: when the
     * database is lost in between, the answer stays what the operation answered (a 201 stays a 201, its write is
     * stored; a 503 stays a 503) rather than turning into a 500 that tells the client nothing, and the outcome is
     * recorded before the next claim once the database is back, so that a retry is replayed (or runs) rather than
     * finding the key "in progress".
     */
    private void recording(Owned owned, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            store.defer(step);
            LOG.warnf(
                    "Idempotency-Key of account %s: outcome recorded later, database unavailable (%s)",
                    owned.accountId(), e.getMessage());
        }
    }

    private Response replay(IdempotencyStore.Replay replay) {
        Map<String, String> headers;
        try {
            headers = json.readValue(replay.headers(), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Response.ResponseBuilder response = Response.status(replay.status()).header(REPLAYED, "true");
        headers.forEach(response::header);
        if (replay.body() != null) {
            response.entity(replay.body().getBytes(StandardCharsets.UTF_8));
        }
        return response.build();
    }

    private static String hash(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
