package app.partnersync.webhook;

import app.partnersync.account.AccountErasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** On account deletion, the partnership's webhooks stay, no longer naming the member who made them. */
@ApplicationScoped
public class WebhookAccountData implements AccountErasure {

    @Override
    public void erase(UUID accountId) {
        Webhook.update("createdBy = null where createdBy = ?1", accountId);
    }
}
