package app.partnersync.auth;

import app.partnersync.account.Account;
import app.partnersync.account.AccountDataService;
import app.partnersync.account.AccountService;
import app.partnersync.account.AccountView;
import app.partnersync.common.OpaqueTokens;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.RateLimitConfig;
import app.partnersync.common.RateLimiter;
import app.partnersync.common.RequestQuotas;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything that checks or sets a password. The bcrypt work (about 90 ms) runs outside any transaction so that no
 * database connection is held while hashing; the writes that follow are short transactions of their own.
 */
@ApplicationScoped
public class AuthService {

    private final AccountService accounts;
    private final SessionService sessions;
    private final Passwords passwords;
    private final AccountDataService accountData;
    private final RateLimiter rateLimiter;
    private final RateLimitConfig limits;
    private final RequestQuotas quotas;

    public AuthService(
            AccountService accounts,
            SessionService sessions,
            Passwords passwords,
            AccountDataService accountData,
            RateLimiter rateLimiter,
            RateLimitConfig limits,
            RequestQuotas quotas) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.accountData = accountData;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.quotas = quotas;
    }

    public RegistrationResponse register(RegisterRequest request, String userAgent) {
        String hash = passwords.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = accounts.create(request.email(), hash, request.displayName(), request.timeZone());
            TokenPair tokens = sessions.open(account.id, request.deviceName(), userAgent);
            return new RegistrationResponse(AccountView.of(account), tokens);
        });
    }

    /**
     * Unknown email and wrong password are the same problem, and take the same time. Attempts are counted before the
     * password is checked, per address and per email (hashed: the counter never holds the address itself), so that
     * guessing one account's password is slow from anywhere and guessing many from one address is too.
     */
    public TokenPair login(LoginRequest request, String userAgent) {
        rateLimiter.acquire("login-ip", quotas.clientAddress(), limits.loginsPerIp(), limits.attemptWindow());
        rateLimiter.acquire(
                "login-email",
                OpaqueTokens.hash(request.email().toLowerCase(Locale.ROOT)),
                limits.loginsPerEmail(),
                limits.attemptWindow());
        Optional<Account> account = accounts.findByEmail(request.email());
        if (account.isEmpty()) {
            passwords.matchNothing(request.password());
            throw invalidCredentials();
        }
        if (!passwords.matches(request.password(), account.get().passwordHash)) {
            throw invalidCredentials();
        }
        return sessions.open(account.get().id, request.deviceName(), userAgent);
    }

    public TokenPair refresh(String refreshToken) {
        rateLimiter.acquire("refresh-ip", quotas.clientAddress(), limits.refreshesPerIp(), limits.attemptWindow());
        return sessions.rotate(refreshToken)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.INVALID_REFRESH_TOKEN,
                        "The refresh token is unknown, expired or already used; sign in again."));
    }

    /** Sets a new password and ends every other session of the account; the calling session stays signed in. */
    public void changePassword(UUID accountId, UUID currentSessionId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow(() -> ProblemException.notFound("The account"));
        if (!passwords.matches(currentPassword, account.passwordHash)) {
            throw new ProblemException(ProblemType.WRONG_PASSWORD, "The current password is not correct.");
        }
        String replacement = passwords.hash(newPassword);
        boolean replaced = QuarkusTransaction.requiringNew().call(() -> {
            if (!accounts.replacePasswordHash(accountId, account.passwordHash, replacement)) {
                return false;
            }
            sessions.endAllExcept(accountId, currentSessionId, Session.EndReason.password_changed);
            return true;
        });
        if (!replaced) {
            throw new ProblemException(
                    ProblemType.WRONG_PASSWORD,
                    "The password was changed meanwhile; the current password is not correct.");
        }
    }

    /** Deletes the account once its password is confirmed; see {@link AccountDataService#erase}. */
    public void deleteAccount(UUID accountId, String password, String ifMatch) {
        Account account = accounts.findById(accountId).orElseThrow(() -> ProblemException.notFound("The account"));
        if (!passwords.matches(password, account.passwordHash)) {
            throw new ProblemException(ProblemType.WRONG_PASSWORD, "The password is not correct.");
        }
        accountData.erase(accountId, ifMatch);
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(ProblemType.INVALID_CREDENTIALS, "The email or the password is not correct.");
    }
}
