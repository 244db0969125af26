package app.partnersync.sync;

import app.partnersync.common.Problem;
import java.util.UUID;

/** What became of one pushed mutation; stored, so that replaying the mutation id returns it unchanged. */
public record SyncMutationResult(UUID mutationId, String status, Long version, Object record, Problem problem) {

    static SyncMutationResult applied(UUID mutationId, SyncedType.Versioned now) {
        return new SyncMutationResult(mutationId, "applied", now.version(), now.record(), null);
    }

    static SyncMutationResult conflict(UUID mutationId, SyncedType.Versioned current) {
        return new SyncMutationResult(mutationId, "conflict", null, current.record(), null);
    }

    static SyncMutationResult rejected(UUID mutationId, Problem problem) {
        return new SyncMutationResult(mutationId, "rejected", null, null, problem);
    }
}
