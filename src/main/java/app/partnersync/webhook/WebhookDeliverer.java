package app.partnersync.webhook;

import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.Announcements;
import app.partnersync.sync.Op;
import app.partnersync.sync.PartnershipEvent;
import app.partnersync.sync.Recipients;
import app.partnersync.sync.SyncedType;
import app.partnersync.sync.SyncedTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. A sweep claims them with a lease ({@code FOR UPDATE SKIP LOCKED}, committed before any HTTP
 * call), so two instances never send one delivery at once and a crash mid-send only delays it until the lease ends.
 * Each attempt is signed, bounded in time and in what it reads back, never follows a redirect, and re-checks the
 * target's addresses. A failure is retried with exponential backoff and jitter until {@code giveUpAfter}; a run of
 * failures that has lasted (an event waiting undelivered for {@code disableAfterFailingFor}) disables the webhook and
 * tells the member who made it.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);

    private static final String CLAIM = """
            update webhook_delivery d set lease_until = ?2, attempts = d.attempts + 1, last_attempt_at = ?1
            where d.id in (
                select x.id from webhook_delivery x join webhook w on w.id = x.webhook_id
                where x.status = 'pending' and x.next_attempt_at <= ?1
                  and (x.lease_until is null or x.lease_until <= ?1) and w.active
                order by x.next_attempt_at
                limit ?3
                for update of x skip locked)
            returning d.id""";

    private final WebhookConfig config;
    private final RetryPolicy retries;
    private final TargetGuard targets;
    private final PartnershipAccess access;
    private final Memberships memberships;
    private final SyncedTypes types;
    private final Announcements announcements;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDeliverer(
            WebhookConfig config,
            TargetGuard targets,
            PartnershipAccess access,
            Memberships memberships,
            SyncedTypes types,
            Announcements announcements,
            EntityManager entityManager,
            ObjectMapper json,
            Clock clock) {
        this.config = config;
        this.retries = RetryPolicy.of(config);
        this.targets = targets;
        this.access = access;
        this.memberships = memberships;
        this.types = types;
        this.announcements = announcements;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
                .build();
    }

    @Scheduled(every = "5s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int sent = deliverDue();
        if (sent > 0) {
            LOG.debugf("webhooks: %d deliveries attempted", sent);
        }
    }

    /** Claims and attempts the due deliveries; returns how many this call attempted. */
    public int deliverDue() {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(CLAIM)
                        .setParameter(1, clock.instant())
                        .setParameter(2, clock.instant().plus(config.lease()))
                        .setParameter(3, config.batch())
                        .getResultList());
        for (UUID id : claimed) {
            try {
                Optional<Attempt> attempt = QuarkusTransaction.requiringNew().call(() -> prepare(id));
                attempt.ifPresent(a -> {
                    Outcome outcome = send(a);
                    QuarkusTransaction.requiringNew().run(() -> record(id, outcome));
                });
            } catch (RuntimeException e) {
                // One delivery's trouble must not hold back the others; its lease ends and it is tried again.
                LOG.errorf(e, "webhook delivery %s could not be attempted", id);
            }
        }
        return claimed.size();
    }

    static final String DISABLED = "webhook.disabled";

    /** What a {@code webhook.disabled} notice says. */
    record Disabled(UUID partnershipId, UUID webhookId, String reason) {}

    /** What one attempt sends. */
    record Attempt(String url, String body, Map<String, String> headers) {}

    /** What came of it: a status code (2xx is success), or an error without one. */
    record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Optional<Attempt> prepare(UUID deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        Webhook webhook = delivery == null ? null : Webhook.findById(delivery.webhookId);
        if (webhook == null) {
            return Optional.empty();
        }
        ObjectNode event = json.createObjectNode();
        event.put("id", delivery.eventId.toString());
        event.put("type", delivery.eventType);
        event.put("occurredAt", delivery.occurredAt.toString());
        event.put("partnershipId", delivery.partnershipId.toString());
        ObjectNode data = event.putObject("data");
        try {
            if (delivery.data != null) {
                data.setAll((ObjectNode) json.readTree(delivery.data));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event fields", e);
        }
        if (delivery.recordType != null) {
            data.put("recordType", delivery.recordType);
            data.put("recordId", delivery.recordId.toString());
            data.put("op", delivery.op.name());
            data.put("version", delivery.version);
            Object record = record(delivery, webhook);
            if (record != null) {
                data.set("record", json.valueToTree(record));
            }
        }
        String body = event.toString();
        String signature = WebhookSignature.of(
                body, clock.instant(), webhook.secret, webhook.previousSecret, webhook.previousSecretUntil);
        return Optional.of(new Attempt(
                webhook.url,
                body,
                Map.of(
                        WebhookSignature.HEADER,
                        signature,
                        "PartnerSync-Event-Id",
                        delivery.eventId.toString(),
                        "PartnerSync-Event-Type",
                        delivery.eventType)));
    }

    /**
     * The record as an integration may see it, now: through the eyes of the member who made the webhook (or of
     * another member, once they left); check-ins and repair plans only with every member's consent.
     */
    private Object record(WebhookDelivery delivery, Webhook webhook) {
        SyncedType type = types.named(delivery.recordType).orElse(null);
        if (type == null || delivery.op == Op.delete) {
            return null;
        }
        if (type.integrationEvents().consented() && !access.sensitiveConsentGiven(delivery.partnershipId)) {
            return null;
        }
        Set<UUID> members = memberships.members(delivery.partnershipId);
        UUID viewer = members.contains(webhook.createdBy)
                ? webhook.createdBy
                : members.stream().findFirst().orElse(null);
        return viewer == null ? null : type.integrationRecord(delivery.recordId, viewer);
    }

    private Outcome send(Attempt attempt) {
        Optional<String> refused = targets.refusal(attempt.url());
        if (refused.isPresent()) {
            return new Outcome(null, "refused target: " + refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "partner-sync-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8));
        attempt.headers().forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream answer = response.body()) {
                // Read at most a little of the answer: a receiver cannot make us hold its whole reply.
                answer.readNBytes(config.maxResponseBytes());
            }
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "answered " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timeout");
        } catch (ConnectException e) {
            return new Outcome(null, "connection refused");
        } catch (IOException e) {
            return new Outcome(null, "network error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    private void record(UUID deliveryId, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return;
        }
        Webhook webhook = Webhook.findById(delivery.webhookId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        delivery.leaseUntil = null;
        delivery.lastStatusCode = outcome.status();
        delivery.lastError = outcome.error();
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.delivered;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            if (webhook != null) {
                webhook.consecutiveFailures = 0;
            }
            return;
        }
        Optional<Instant> next = retries.nextAttempt(
                delivery.attempts, delivery.occurredAt, now, ThreadLocalRandom.current()::nextDouble);
        if (next.isEmpty()) {
            delivery.status = WebhookDelivery.Status.failed;
        }
        delivery.nextAttemptAt = next.orElse(null);
        if (webhook != null) {
            webhook.consecutiveFailures++;
            if (webhook.active && retries.disables(webhook.consecutiveFailures, delivery.occurredAt, now)) {
                disable(webhook, outcome, now);
            }
        }
    }

    private void disable(Webhook webhook, Outcome outcome, Instant now) {
        webhook.active = false;
        webhook.disabledAt = now;
        webhook.disabledReason = "Disabled after " + webhook.consecutiveFailures + " failed attempts in a row (last: "
                + outcome.error() + ").";
        webhook.updatedAt = now;
        // Told to the member who made it (or to the members, once they left), on commit, like a reminder.
        announcements.announce(new PartnershipEvent.Notice(
                webhook.partnershipId,
                DISABLED,
                now,
                webhook.createdBy == null ? Recipients.members() : Recipients.member(webhook.createdBy),
                new Disabled(webhook.partnershipId, webhook.id, webhook.disabledReason)));
        LOG.infof("webhook %s disabled after %d failures in a row", webhook.id, webhook.consecutiveFailures);
    }
}
