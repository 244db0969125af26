package app.partnersync.sync;

import app.partnersync.accountdata.AccountErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** On account deletion: the account's own feed entries, mutation results, stored replies and stream tickets go too. */
@ApplicationScoped
public class SyncAccountData implements AccountErasure {

    private final EntityManager entityManager;

    public SyncAccountData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void erase(UUID accountId) {
        for (String table : new String[] {"sync_change", "sync_mutation", "idempotency_key", "stream_ticket"}) {
            entityManager
                    .createNativeQuery("delete from " + table + " where account_id = ?1")
                    .setParameter(1, accountId)
                    .executeUpdate();
        }
    }
}
