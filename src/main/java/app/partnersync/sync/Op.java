package app.partnersync.sync;

/** What a change does to a record: {@code op} of a feed entry, a pushed mutation and a record event. */
public enum Op {
    /** Created or changed: the record as the reader may see it follows. */
    upsert,
    /** Deleted, or no longer visible to the reader: a tombstone. */
    delete
}
