package app.partnersync.sync;

/**
 * What a pushed mutation does ({@code op} of a {@link SyncMutation} and its result): {@code upsert} and {@code delete}
 * as in the change feed for accounts, partnerships and commitments, and the actions of the other pushable types, each
 * the REST operation of the same name (see {@code sync/README.md}).
 */
public enum MutationOp {
    /** Create or change (account, partnership, commitment). */
    upsert,
    /** Delete (commitment). */
    delete,
    /** Create a record with the client's id (moment, check-in, repair plan). */
    create,
    /** Change a record (repair plan: its patch; cadence: the whole schedule). */
    update,
    /** The promiser records what became of an occurrence. */
    outcome,
    /** The partner confirms or disputes a kept outcome. */
    confirmation,
    /** The partner accepts or declines the promiser's revision of a missed outcome. */
    revision,
    /** The promiser owns a miss. */
    acknowledgement,
    /** Write or change the caller's own entry of a check-in. */
    entry,
    /** Close a check-in. */
    close
}
