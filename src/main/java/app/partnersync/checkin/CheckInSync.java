package app.partnersync.checkin;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.sync.SyncMutation;
import app.partnersync.sync.SyncedType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Check-ins as synced records, each materialised for the caller through {@link CheckInView}: sealed entries stay
 * sealed, private fields stay out, and a field made private disappears from the partner's copy on the next pull.
 */
@ApplicationScoped
public class CheckInSync implements SyncedType {

    private final CheckInService checkIns;

    public CheckInSync(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public String name() {
        return CheckInService.SYNC_TYPE;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return checkIns.visible(accountId, ids).stream()
                .map(CheckInSync::versioned)
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID afterId, int limit) {
        return checkIns.byId(accountId, afterId, limit).stream()
                .map(CheckInSync::versioned)
                .toList();
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Check-ins are started and answered through /v1/partnerships/{id}/check-ins, not through sync.");
    }

    private static Versioned versioned(CheckInView view) {
        return new Versioned(view.id(), view.version(), view);
    }
}
