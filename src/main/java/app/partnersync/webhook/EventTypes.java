package app.partnersync.webhook;

import app.partnersync.sync.ReminderSource;
import app.partnersync.sync.SyncedTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event types a webhook may subscribe to (the contract's {@code WebhookEventType}): every synced type's record
 * events and every kind of reminder, as they describe themselves. Nothing to edit here when a type is added.
 */
@ApplicationScoped
public class EventTypes {

    private final Set<String> all;

    public EventTypes(SyncedTypes types, Instance<ReminderSource> reminders) {
        Set<String> all = new LinkedHashSet<>(types.eventTypes());
        reminders.forEach(source -> all.add(source.reminderType()));
        this.all = Collections.unmodifiableSet(all);
    }

    public Set<String> all() {
        return all;
    }

    /** Whether a subscription names an event type, a family of them ({@code commitment.*}), or all of them. */
    public boolean known(String pattern) {
        return EventPatterns.namesAny(pattern, all);
    }
}
