package app.partnersync.commitment;

import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The commitments of the account's partnerships, in its export. */
@ApplicationScoped
public class CommitmentExport implements ExportSection {

    private final CommitmentService commitments;

    public CommitmentExport(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @Override
    public String name() {
        return "commitments";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return commitments.all(accountId);
    }
}
