package app.partnersync.partnership;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The invitations the account created, in its export; on deletion they are removed (open ones are withdrawn). */
@ApplicationScoped
public class InvitationAccountData implements ExportSection, AccountErasure {

    private final InvitationService invitations;

    public InvitationAccountData(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "invitations";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return invitations.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        invitations.erase(accountId);
    }
}
