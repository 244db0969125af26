package app.partnersync.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /v1/sync}: offline edits, and the cursor to bring the client up to date from. */
public record SyncPushRequest(
        @Size(max = 512) String cursor,
        @NotNull @Size(max = 100) List<@NotNull @Valid SyncMutation> mutations) {}
