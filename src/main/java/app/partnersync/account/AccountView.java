package app.partnersync.account;

import java.time.Instant;
import java.util.UUID;

/** The account as its owner sees it (the contract's {@code Account}); never carries the password hash. */
public record AccountView(
        UUID id,
        String email,
        String displayName,
        String timeZone,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static AccountView of(Account account) {
        return new AccountView(
                account.id,
                account.email,
                account.displayName,
                account.timeZone,
                account.version,
                account.createdAt,
                account.updatedAt);
    }
}
