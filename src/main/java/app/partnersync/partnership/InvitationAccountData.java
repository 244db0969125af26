package app.partnersync.partnership;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** The invitations the account created, in its export; on deletion they are removed (open ones are withdrawn). */
@Singleton
public class InvitationAccountData extends AccountDataSection {

    public InvitationAccountData(InvitationService invitations) {
        super("invitations", (account, session) -> invitations.all(account), invitations::erase);
    }
}
