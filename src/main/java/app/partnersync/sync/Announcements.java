package app.partnersync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one place that tells anyone that something happened in a partnership (decision 012). Every package hands its
 * {@link PartnershipEvent}s here, inside the transaction that made them:
 *
 * <ul>
 *   <li>observers hear of it at once, in that transaction ({@code @Observes PartnershipEvent}: the webhook outbox
 *       writes its deliveries), so that an event and what it causes commit or roll back together;
 *   <li>reminders and notices reach the live streams of their recipients on every instance when the transaction
 *       commits ({@code NOTIFY}, read by {@link LiveEvents} through the {@link Listener}); a rolled-back
 *       transaction announces nothing. A record change reaches live streams through the sync feed instead: its
 *       {@code sync_change} row tells them, with the cursor to pull from.
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Announcements {

    /** The channel of live events: record changes (from the feed) and the messages written here. */
    static final String CHANNEL = "partnersync_changes";

    private final EntityManager entityManager;
    private final Event<PartnershipEvent> observers;
    private final ObjectMapper json;

    public Announcements(EntityManager entityManager, Event<PartnershipEvent> observers, ObjectMapper json) {
        this.entityManager = entityManager;
        this.observers = observers;
        this.json = json;
    }

    public void announce(PartnershipEvent event) {
        observers.fire(event);
        if (event instanceof PartnershipEvent.Reminder reminder) {
            notifyLive(LiveMessage.of(reminder, reminder.data()));
        } else if (event instanceof PartnershipEvent.Notice notice) {
            notifyLive(LiveMessage.of(notice, notice.data()));
        }
    }

    private void notifyLive(LiveMessage message) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live message could not be written", e);
        }
        entityManager
                .createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, payload)
                .getSingleResult();
    }
}
