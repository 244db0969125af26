package app.partnersync.account;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import app.partnersync.common.ProblemException;
import app.partnersync.common.RateLimiter;
import app.partnersync.common.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The account's data rights: export everything it can see, and erase it. */
@ApplicationScoped
@Transactional
public class AccountDataService {

    /** Raised when the export's top-level shape changes incompatibly. */
    static final int FORMAT_VERSION = 1;

    private final Instance<ExportSection> sections;
    private final Instance<AccountErasure> erasures;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public AccountDataService(
            Instance<ExportSection> sections, Instance<AccountErasure> erasures, RateLimiter rateLimiter, Clock clock) {
        this.sections = sections;
        this.erasures = erasures;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** {formatVersion, exportedAt, account, then one array per section in name order}, read in one transaction. */
    public Map<String, Object> export(UUID accountId, UUID sessionId) {
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("formatVersion", FORMAT_VERSION);
        export.put("exportedAt", clock.instant());
        export.put("account", AccountView.of(account));
        sections.stream()
                .sorted(Comparator.comparing(ExportSection::name))
                .forEach(section -> export.put(section.name(), section.collect(accountId, sessionId)));
        return export;
    }

    /** Erases the account: every package's data first, then the account row itself. */
    public void erase(UUID accountId, String ifMatch) {
        Account account = Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        Versions.requireMatch(ifMatch, account.version, AccountView.of(account));
        erasures.forEach(erasure -> erasure.erase(accountId));
        rateLimiter.forget(":" + accountId);
        account.delete();
    }
}
