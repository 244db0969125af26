package app.partnersync.sync;

import java.util.List;

/** Answer of a pull: changes in order, the cursor to continue from, and whether more is waiting now. */
public record SyncPage(List<SyncChange> changes, String nextCursor, boolean hasMore) {}
