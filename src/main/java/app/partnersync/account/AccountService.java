package app.partnersync.account;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.Versions;
import app.partnersync.sync.ChangeLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Creates, reads and changes accounts. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final String EMAIL_KEY = "account_email_key";

    /** Sync type name of accounts. */
    public static final String SYNC_TYPE = "account";

    private final ChangeLog changes;
    private final Event<AccountProfileChanged> profileChanged;
    private final Clock clock;

    public AccountService(ChangeLog changes, Event<AccountProfileChanged> profileChanged, Clock clock) {
        this.changes = changes;
        this.profileChanged = profileChanged;
        this.clock = clock;
    }

    /** Creates an account; an email already taken (ignoring case) is an {@link ProblemType#EMAIL_TAKEN} problem. */
    public Account create(String email, String passwordHash, String displayName, String timeZone) {
        if (findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.passwordHash = passwordHash;
        account.displayName = displayName;
        account.timeZone = timeZone;
        account.createdAt = now;
        account.updatedAt = now;
        try {
            account.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Two sign-ups with one email at the same moment: the unique index decides.
            if (EMAIL_KEY.equals(e.getConstraintName())) {
                throw emailTaken();
            }
            throw e;
        }
        changes.upserted(SYNC_TYPE, account.id, account.version, ChangeLog.Scope.account(account.id));
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> findById(UUID id) {
        return Account.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> findByEmail(String email) {
        return Account.find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    /**
     * Applies the fields present in {@code change} if the account is still at the version {@code ifMatch} names
     * (absent: any); partners see the new name or zone in their partnerships.
     */
    public Optional<AccountView> update(UUID id, UpdateAccountRequest change, String ifMatch) {
        return Account.<Account>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(account -> {
                    Versions.requireMatch(ifMatch, account.version, AccountView.of(account));
                    boolean changed = false;
                    if (change.displayName() != null && !change.displayName().equals(account.displayName)) {
                        account.displayName = change.displayName();
                        changed = true;
                    }
                    if (change.timeZone() != null && !change.timeZone().equals(account.timeZone)) {
                        account.timeZone = change.timeZone();
                        changed = true;
                    }
                    if (changed) {
                        account.updatedAt = clock.instant();
                        account.persistAndFlush();
                        changes.upserted(SYNC_TYPE, account.id, account.version, ChangeLog.Scope.account(account.id));
                        profileChanged.fire(new AccountProfileChanged(account.id));
                    }
                    return AccountView.of(account);
                });
    }

    /**
     * Replaces the password hash if it is still {@code expected}: a concurrent change in between makes this a no-op
     * returning false, so two racing changes cannot both win.
     */
    public boolean replacePasswordHash(UUID id, String expected, String replacement) {
        boolean replaced = Account.update(
                        "passwordHash = :replacement, updatedAt = :now, version = version + 1 where id = :id and passwordHash = :expected",
                        Parameters.with("replacement", replacement)
                                .and("now", clock.instant())
                                .and("id", id)
                                .and("expected", expected))
                == 1;
        if (replaced) {
            long version = Account.<Account>find("select a from Account a where a.id = ?1", id)
                    .firstResult()
                    .version;
            changes.upserted(SYNC_TYPE, id, version, ChangeLog.Scope.account(id));
        }
        return replaced;
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemType.EMAIL_TAKEN, "An account with this email already exists.");
    }
}
