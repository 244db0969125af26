package app.partnersync.sync;

import java.util.List;

/** Answer of a push: one result per mutation, in order, plus the changes since the client's cursor. */
public record SyncPushResponse(
        List<SyncMutationResult> results, List<SyncChange> changes, String nextCursor, boolean hasMore) {}
