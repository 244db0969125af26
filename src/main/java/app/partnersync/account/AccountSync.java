package app.partnersync.account;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.MutationOp;
import app.partnersync.sync.SyncMutation;
import app.partnersync.sync.SyncedType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The caller's own account as a synced record: visible to nobody else, editable through push. */
@ApplicationScoped
public class AccountSync implements SyncedType {

    private static final Set<String> FIELDS = Set.of("displayName", "timeZone");

    private final AccountService accounts;
    private final MutationData mutationData;

    public AccountSync(AccountService accounts, MutationData mutationData) {
        this.accounts = accounts;
        this.mutationData = mutationData;
    }

    @Override
    public String name() {
        return AccountService.SYNC_TYPE;
    }

    @Override
    public boolean ownRecords() {
        return true;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        if (!ids.contains(accountId)) {
            return Map.of();
        }
        return accounts.findById(accountId)
                .map(account -> Map.of(account.id, versioned(account)))
                .orElse(Map.of());
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID partnershipId, UUID afterId, int limit) {
        if (afterId != null) {
            return List.of();
        }
        return accounts.findById(accountId)
                .map(account -> List.of(versioned(account)))
                .orElse(List.of());
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        if (mutation.op() != MutationOp.upsert) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MUTATION, "An account is deleted with DELETE /v1/me, not through sync.");
        }
        if (!mutation.id().equals(accountId)) {
            throw ProblemException.notFound("The account");
        }
        UpdateAccountRequest change = change(mutation.data());
        Account account = Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        if (mutation.baseVersion() != null && mutation.baseVersion() != account.version) {
            return MutationOutcome.conflict(versioned(account));
        }
        AccountView updated = accounts.update(accountId, change, null).orElseThrow();
        return MutationOutcome.applied(new Versioned(updated.id(), updated.version(), updated));
    }

    private UpdateAccountRequest change(Map<String, Object> data) {
        if (data == null || data.isEmpty() || !FIELDS.containsAll(data.keySet())) {
            throw ProblemException.invalidField(
                    "data", "must set one or more of displayName, timeZone and nothing else");
        }
        for (Object value : data.values()) {
            if (!(value instanceof String)) {
                throw ProblemException.invalidField("data", "displayName and timeZone are strings");
            }
        }
        UpdateAccountRequest change =
                new UpdateAccountRequest((String) data.get("displayName"), (String) data.get("timeZone"));
        return mutationData.validated(change);
    }

    private static Versioned versioned(Account account) {
        return new Versioned(account.id, account.version, AccountView.of(account));
    }
}
