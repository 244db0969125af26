package app.partnersync.moment;

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

/** Moments as synced records of their partnership, so that both see a cool-off live. */
@ApplicationScoped
public class MomentSync implements SyncedType {

    private final MomentService moments;

    public MomentSync(MomentService moments) {
        this.moments = moments;
    }

    @Override
    public String name() {
        return MomentService.SYNC_TYPE;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return moments.visible(accountId, ids).stream()
                .map(MomentSync::versioned)
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID afterId, int limit) {
        return moments.byId(accountId, afterId, limit).stream()
                .map(MomentSync::versioned)
                .toList();
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Moments are created with POST /v1/partnerships/{id}/moments, not through sync.");
    }

    private static Versioned versioned(MomentView view) {
        return new Versioned(view.id(), view.version(), view);
    }
}
