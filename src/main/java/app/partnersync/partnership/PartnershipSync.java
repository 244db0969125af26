package app.partnersync.partnership;

import app.partnersync.account.AccountProfileChanged;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.sync.MutationOp;
import app.partnersync.sync.SyncMutation;
import app.partnersync.sync.SyncedType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Partnerships as synced records, visible to their two members; a member's own name for one is pushable. */
@ApplicationScoped
public class PartnershipSync implements SyncedType {

    private final PartnershipService partnerships;
    private final PartnershipAccess access;

    public PartnershipSync(PartnershipService partnerships, PartnershipAccess access) {
        this.partnerships = partnerships;
        this.access = access;
    }

    @Override
    public String name() {
        return PartnershipService.SYNC_TYPE;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return partnerships.visible(accountId, ids).stream()
                .map(PartnershipSync::versioned)
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID partnershipId, UUID afterId, int limit) {
        if (partnershipId != null) {
            return partnerships.visible(accountId, List.of(partnershipId)).stream()
                    .filter(view -> afterId == null || view.id().compareTo(afterId) > 0)
                    .map(PartnershipSync::versioned)
                    .toList();
        }
        return partnerships.byId(accountId, afterId, limit).stream()
                .map(PartnershipSync::versioned)
                .toList();
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        if (mutation.op() != MutationOp.upsert) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MUTATION,
                    "A partnership is made by accepting an invitation and ended with POST /v1/partnerships/{id}/end.");
        }
        Map<String, Object> data = mutation.data();
        if (data == null
                || !Set.of("displayName").equals(data.keySet())
                || !(data.get("displayName") instanceof String name)
                || name.codePointCount(0, name.length()) > 60) {
            throw ProblemException.invalidField(
                    "data.displayName", "must be a string of at most 60 characters, and the only field");
        }
        PartnershipAccess.Membership membership = access.requireWritable(accountId, mutation.id());
        if (mutation.baseVersion() != null && mutation.baseVersion() != membership.partnership().version) {
            return MutationOutcome.conflict(versioned(partnerships.get(accountId, mutation.id())));
        }
        return MutationOutcome.applied(versioned(partnerships.rename(accountId, mutation.id(), name, null)));
    }

    /** A member's new name or zone changes how the partner sees every shared partnership. */
    void profileChanged(@Observes AccountProfileChanged event) {
        partnerships.touchAllOf(event.accountId());
    }

    private static Versioned versioned(PartnershipView view) {
        return new Versioned(view.id(), view.version(), view);
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("partnership").withDeletions();
    }
}
