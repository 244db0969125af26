package app.partnersync.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A record type that takes part in sync. A resource becomes synced by providing one bean of this type and calling
 * {@link ChangeLog} whenever it writes; see {@code sync/README.md}.
 */
public interface SyncedType {

    /** The type name in changes and mutations, e.g. {@code partnership}. */
    String name();

    /**
     * The records, as the caller may see them right now, keyed by id; an id missing from the answer is gone or no
     * longer visible to the caller and becomes a tombstone. The query must be scoped to the caller.
     */
    Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId);

    /** The records visible to the caller with an id after {@code afterId} (null: from the start), ordered by id. */
    List<Versioned> snapshot(UUID accountId, UUID afterId, int limit);

    /**
     * Applies a pushed mutation inside the mutation's own transaction: returns the outcome, or throws a
     * {@code ProblemException} to reject it. The base version must be compared here, with the record locked.
     */
    MutationOutcome apply(UUID accountId, SyncMutation mutation);

    /** A record and its version, as the caller sees it. */
    record Versioned(UUID id, long version, Object record) {}

    /** What became of a mutation: applied with the new state, or a conflict with the current one. */
    record MutationOutcome(boolean applied, Versioned current) {

        public static MutationOutcome applied(Versioned now) {
            return new MutationOutcome(true, now);
        }

        public static MutationOutcome conflict(Versioned current) {
            return new MutationOutcome(false, current);
        }
    }

    /**
     * The record as an integration may see it (webhooks), read through the eyes of {@code member}; null when it is
     * gone. Types with private parts override this to show only what a partner would see.
     */
    default Object integrationRecord(UUID id, UUID member) {
        Versioned versioned = load(List.of(id), member).get(id);
        return versioned == null ? null : versioned.record();
    }
}
