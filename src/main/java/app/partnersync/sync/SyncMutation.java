package app.partnersync.sync;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One offline edit in a push batch (the contract's {@code SyncMutation}); {@code occurredAt}, when sent, is when the
 * person made it on the device (see {@code common/ActionTime}).
 */
public record SyncMutation(
        @NotNull UUID mutationId,
        // The contract's enum: a batch naming another type breaks the schema and is refused whole (400), while a
        // listed type that sync cannot change is rejected one by one (unsupported-mutation).
        @NotNull @SyncedTypeName String type,

        @NotNull UUID id,
        Long baseVersion,
        @NotNull MutationOp op,
        Map<String, Object> data,
        Instant occurredAt) {

    /** A mutation without a client time: it happened when it arrives. */
    public SyncMutation(
            UUID mutationId, String type, UUID id, Long baseVersion, MutationOp op, Map<String, Object> data) {
        this(mutationId, type, id, baseVersion, op, data, null);
    }
}
