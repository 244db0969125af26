package app.partnersync.sync;

import app.partnersync.common.Problem;
import java.util.UUID;

/** What became of one pushed mutation; stored, so that replaying the mutation id returns it unchanged. */
public record SyncMutationResult(UUID mutationId, Status status, Long version, Object record, Problem problem) {

    /**
     * Applied: {@code version} and {@code record} are the new state; conflict: {@code record} is the current state the
     * mutation was not based on; rejected: {@code problem} says why.
     */
    public enum Status {
        applied,
        conflict,
        rejected
    }

    static SyncMutationResult applied(UUID mutationId, SyncedType.Versioned now) {
        return new SyncMutationResult(mutationId, Status.applied, now.version(), now.record(), null);
    }

    static SyncMutationResult conflict(UUID mutationId, SyncedType.Versioned current) {
        return new SyncMutationResult(mutationId, Status.conflict, null, current.record(), null);
    }

    static SyncMutationResult rejected(UUID mutationId, Problem problem) {
        return new SyncMutationResult(mutationId, Status.rejected, null, null, problem);
    }
}
