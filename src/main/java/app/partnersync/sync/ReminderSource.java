package app.partnersync.sync;

/**
 * Something that announces reminders ({@link PartnershipEvent.Reminder}): one bean per kind of reminder, so that the
 * event types webhooks may subscribe to are known without a list kept elsewhere.
 */
public interface ReminderSource {

    /** The event type of its reminders, e.g. {@code checkin.reminder}. */
    String reminderType();
}
