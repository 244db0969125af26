package app.partnersync.webhook;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import app.partnersync.partnership.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The webhooks of the account's partnerships in its export (never their secrets); on account deletion they stay
 * with the partnership, no longer naming the member who made them.
 */
@ApplicationScoped
public class WebhookAccountData implements ExportSection, AccountErasure {

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return Webhook.<Webhook>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ")"
                                + " order by createdAt, id",
                        accountId)
                .stream()
                .map(w -> WebhookView.of(w, false))
                .toList();
    }

    @Override
    public void erase(UUID accountId) {
        Webhook.update("createdBy = null where createdBy = ?1", accountId);
    }
}
