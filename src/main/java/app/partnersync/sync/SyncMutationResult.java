package app.partnersync.sync;

import app.partnersync.common.Problem;
import java.util.UUID;

/**
 * What became of one pushed mutation; stored, so that replaying the mutation id returns it unchanged. It names the
 * mutation's {@code type}, {@code id} and {@code op}, so that a client can tell which schema {@code record} has.
 */
public record SyncMutationResult(
        UUID mutationId,
        String type,
        UUID id,
        MutationOp op,
        Status status,
        Long version,
        Object record,
        Problem problem) {

    /**
     * Applied: {@code version} and {@code record} are the new state; conflict: {@code record} is the current state the
     * mutation was not based on; rejected: {@code problem} says why.
     */
    public enum Status {
        applied,
        conflict,
        rejected
    }

    static SyncMutationResult applied(SyncMutation mutation, SyncedType.Versioned now) {
        return of(mutation, Status.applied, now.version(), now.record(), null);
    }

    static SyncMutationResult conflict(SyncMutation mutation, SyncedType.Versioned current) {
        return of(mutation, Status.conflict, null, current.record(), null);
    }

    static SyncMutationResult rejected(SyncMutation mutation, Problem problem) {
        return of(mutation, Status.rejected, null, null, problem);
    }

    /**
     * This result as the answer to {@code mutation}: a result stored before results named their mutation gains its
     * type, id and op.
     */
    SyncMutationResult answering(SyncMutation mutation) {
        return type != null ? this : of(mutation, status, version, record, problem);
    }

    private static SyncMutationResult of(
            SyncMutation mutation, Status status, Long version, Object record, Problem problem) {
        return new SyncMutationResult(
                mutation.mutationId(), mutation.type(), mutation.id(), mutation.op(), status, version, record, problem);
    }
}
