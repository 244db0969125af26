package app.partnersync.webhook;

import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.OpaqueTokens;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.partnership.PartnershipAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registers, changes and removes a partnership's webhooks; shows and replays their deliveries. */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** How long a rotated-out secret still signs deliveries. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    static final String SECRET_PREFIX = "whsec_";

    private final PartnershipAccess access;
    private final TargetGuard targets;
    private final EventTypes eventTypes;
    private final Clock clock;

    public WebhookService(PartnershipAccess access, TargetGuard targets, EventTypes eventTypes, Clock clock) {
        this.access = access;
        this.targets = targets;
        this.eventTypes = eventTypes;
        this.clock = clock;
    }

    public WebhookView create(UUID accountId, UUID partnershipId, CreateWebhookRequest request) {
        access.requireWritable(accountId, partnershipId);
        checkTarget(request.url());
        checkEvents(request.events());
        Instant now = clock.instant();
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.partnershipId = partnershipId;
        webhook.url = request.url();
        webhook.events = String.join(" ", request.events());
        webhook.description = request.description();
        webhook.secret = OpaqueTokens.generate(SECRET_PREFIX);
        webhook.active = true;
        webhook.createdBy = accountId;
        webhook.createdAt = now;
        webhook.updatedAt = now;
        webhook.persist();
        return WebhookView.of(webhook, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(UUID accountId, UUID partnershipId, PageRequest page) {
        access.requireMember(accountId, partnershipId);
        return Listing.where("partnershipId = :partnership", "partnership", partnershipId)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> Webhook.<Webhook>find(q, p),
                        w -> new KeysetCursor(w.createdAt, w.id),
                        shown -> shown.stream()
                                .map(w -> WebhookView.of(w, false))
                                .toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(UUID accountId, UUID partnershipId, UUID webhookId) {
        access.requireMember(accountId, partnershipId);
        return WebhookView.of(find(partnershipId, webhookId, LockModeType.NONE), false);
    }

    public WebhookView update(UUID accountId, UUID partnershipId, UUID webhookId, UpdateWebhookRequest request) {
        if (request.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The patch changes nothing; send a field.");
        }
        access.requireWritable(accountId, partnershipId);
        Webhook webhook = find(partnershipId, webhookId, LockModeType.PESSIMISTIC_WRITE);
        if (request.url() != null) {
            checkTarget(request.url());
            webhook.url = request.url();
        }
        if (request.events() != null) {
            checkEvents(request.events());
            webhook.events = String.join(" ", request.events());
        }
        if (request.description() != null) {
            webhook.description = request.description().isBlank() ? null : request.description();
        }
        if (request.active() != null) {
            if (request.active() && !webhook.active) {
                // Re-enabled: a fresh run of failures, and what waited is due now.
                webhook.consecutiveFailures = 0;
                webhook.disabledAt = null;
                webhook.disabledReason = null;
                WebhookDelivery.update(
                        "nextAttemptAt = ?1 where webhookId = ?2 and status = ?3",
                        clock.instant(),
                        webhookId,
                        WebhookDelivery.Status.pending);
            }
            webhook.active = request.active();
        }
        webhook.updatedAt = clock.instant();
        return WebhookView.of(webhook, false);
    }

    /**
     * Allowed after the partnership ended too: the record stays read-only, but either member can always stop its data
     * flowing to an integration (an ended partnership still announces, say, a member's new display name).
     */
    public void delete(UUID accountId, UUID partnershipId, UUID webhookId) {
        access.requireMember(accountId, partnershipId);
        find(partnershipId, webhookId, LockModeType.PESSIMISTIC_WRITE).delete();
    }

    /** A new secret, shown in this answer only; the previous one keeps signing for {@link #ROTATION_OVERLAP}. */
    public WebhookView rotateSecret(UUID accountId, UUID partnershipId, UUID webhookId) {
        access.requireWritable(accountId, partnershipId);
        Webhook webhook = find(partnershipId, webhookId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        webhook.previousSecret = webhook.secret;
        webhook.previousSecretUntil = now.plus(ROTATION_OVERLAP);
        webhook.secret = OpaqueTokens.generate(SECRET_PREFIX);
        webhook.updatedAt = now;
        return WebhookView.of(webhook, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(UUID accountId, UUID partnershipId, UUID webhookId, PageRequest page) {
        access.requireMember(accountId, partnershipId);
        find(partnershipId, webhookId, LockModeType.NONE);
        return Listing.where("webhookId = :webhook", "webhook", webhookId)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> WebhookDelivery.<WebhookDelivery>find(q, p),
                        d -> new KeysetCursor(d.createdAt, d.id),
                        shown -> shown.stream().map(DeliveryView::of).toList());
    }

    /** Sends the delivery's event again (same event id), whatever became of it: due now. */
    public DeliveryView redeliver(UUID accountId, UUID partnershipId, UUID webhookId, UUID deliveryId) {
        access.requireWritable(accountId, partnershipId);
        find(partnershipId, webhookId, LockModeType.NONE);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>find(
                        "id = ?1 and webhookId = ?2", deliveryId, webhookId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .<WebhookDelivery>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The delivery"));
        delivery.status = WebhookDelivery.Status.pending;
        delivery.nextAttemptAt = clock.instant();
        delivery.leaseUntil = null;
        return DeliveryView.of(delivery);
    }

    private Webhook find(UUID partnershipId, UUID webhookId, LockModeType lock) {
        return Webhook.<Webhook>find("id = ?1 and partnershipId = ?2", webhookId, partnershipId)
                .withLock(lock)
                .<Webhook>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The webhook"));
    }

    private void checkTarget(String url) {
        targets.refusal(url).ifPresent(reason -> {
            throw ProblemException.invalidField("url", reason);
        });
    }

    private void checkEvents(List<String> events) {
        for (int i = 0; i < events.size(); i++) {
            if (!eventTypes.known(events.get(i))) {
                throw ProblemException.invalidField("events[" + i + "]", "is not an event type or family of them");
            }
        }
    }
}
