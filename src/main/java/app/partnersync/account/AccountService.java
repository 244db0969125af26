package app.partnersync.account;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Clock clock;

    public AccountService(Clock clock) {
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

    /** Applies the fields present in {@code change}. */
    public Optional<AccountView> update(UUID id, UpdateAccountRequest change) {
        return Account.<Account>findByIdOptional(id).map(account -> {
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
            }
            return AccountView.of(account);
        });
    }

    /**
     * Replaces the password hash if it is still {@code expected}: a concurrent change in between makes this a no-op
     * returning false, so two racing changes cannot both win.
     */
    public boolean replacePasswordHash(UUID id, String expected, String replacement) {
        return Account.update(
                        "passwordHash = :replacement, updatedAt = :now, version = version + 1 where id = :id and passwordHash = :expected",
                        Parameters.with("replacement", replacement)
                                .and("now", clock.instant())
                                .and("id", id)
                                .and("expected", expected))
                == 1;
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemType.EMAIL_TAKEN, "An account with this email already exists.");
    }
}
