package app.partnersync.sync;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The records visible to the caller with an id after {@code afterId} (null: from the start), ordered by id; only
     * those of the partnership {@code partnershipId} when it is given (a filtered pull, the caller's membership already
     * checked), which the caller's {@link #ownRecords() own records} ignore.
     */
    List<Versioned> snapshot(UUID accountId, UUID partnershipId, UUID afterId, int limit);

    /**
     * Whether the records are the caller's own (announced with {@code Scope.account}) rather than a partnership's: a
     * pull filtered by partnership still includes them, and the feed reads the account's range only for such types.
     */
    default boolean ownRecords() {
        return false;
    }

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
     * How integrations hear of this type's changes (webhook events); {@link IntegrationEvents#NONE}, the default, when
     * they never do. A type describes itself here, so that the change log, the webhook outbox and the list of event
     * types webhooks may subscribe to need no list of their own.
     */
    default IntegrationEvents integrationEvents() {
        return IntegrationEvents.NONE;
    }

    /**
     * The webhook events of a synced type: {@code <family>.updated} for a created or changed record and {@code
     * <family>.deleted} for a deleted one (a type whose records are deleted says so with {@link #withDeletions()}, so
     * that webhooks may subscribe to it); {@code consented}: its records reach an integration only while every member
     * lets integrations read check-ins and repair plans (decision 008).
     */
    record IntegrationEvents(String family, boolean deletions, boolean consented) {

        public static final IntegrationEvents NONE = new IntegrationEvents(null, false, false);

        /** Changes announced as {@code <family>.updated}. */
        public static IntegrationEvents family(String family) {
            return new IntegrationEvents(family, false, false);
        }

        /** Deletions too, as {@code <family>.deleted}. */
        public IntegrationEvents withDeletions() {
            return new IntegrationEvents(family, true, consented);
        }

        /** Its records are sensitive: integrations see them only with every member's consent. */
        public IntegrationEvents consentRequired() {
            return new IntegrationEvents(family, deletions, true);
        }

        /** The event type of a change; null when integrations do not hear of this type. */
        public String typeOf(Op op) {
            return family == null ? null : family + (op == Op.delete ? ".deleted" : ".updated");
        }

        /** The event types a webhook may subscribe to. */
        public Set<String> types() {
            Set<String> types = new LinkedHashSet<>();
            if (family != null) {
                types.add(typeOf(Op.upsert));
                if (deletions) {
                    types.add(typeOf(Op.delete));
                }
            }
            return types;
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
