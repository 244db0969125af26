package app.partnersync.partnership;

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
 * The caller's own invitations as synced records, so that every device shows the codes still open. A withdrawn one
 * is gone (a tombstone); an accepted or expired one stays with its status. Made and withdrawn through REST only.
 */
@ApplicationScoped
public class InvitationSync implements SyncedType {

    private final InvitationService invitations;

    public InvitationSync(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return InvitationService.SYNC_TYPE;
    }

    @Override
    public boolean ownRecords() {
        return true;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return invitations.visible(accountId, ids).stream()
                .map(InvitationSync::versioned)
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID partnershipId, UUID afterId, int limit) {
        return invitations.byId(accountId, afterId, limit).stream()
                .map(InvitationSync::versioned)
                .toList();
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Invitations are made with POST /v1/invitations and withdrawn with DELETE /v1/invitations/{code}.");
    }

    /** Invitations change only by status, each change at most once: the status order is their version. */
    private static Versioned versioned(InvitationView view) {
        return new Versioned(view.id(), InvitationService.versionOf(view.status()), view);
    }
}
