package app.partnersync.sync;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;

/** One offline edit in a push batch (the contract's {@code SyncMutation}). */
public record SyncMutation(
        @NotNull UUID mutationId,
        @NotNull String type,
        @NotNull UUID id,
        Long baseVersion,
        @NotNull Op op,
        Map<String, Object> data) {

    /** Upsert sets fields; delete removes the record. */
    public enum Op {
        upsert,
        delete
    }
}
