package app.partnersync.commitment;

import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The occurrences and outcomes of the account's partnerships, in its export. */
@ApplicationScoped
public class OccurrenceExport implements ExportSection {

    private final OccurrenceService occurrences;

    public OccurrenceExport(OccurrenceService occurrences) {
        this.occurrences = occurrences;
    }

    @Override
    public String name() {
        return "occurrences";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return occurrences.all(accountId);
    }
}
