package app.partnersync.accountdata;

import java.util.List;
import java.util.UUID;

/**
 * One top-level array of {@code GET /v1/me/export}. A resource joins the export by providing one bean of this type
 * (and the property in the contract's {@code AccountExport}); nothing else changes.
 */
public interface ExportSection {

    /** The top-level property name, e.g. {@code partnerships}. */
    String name();

    /** Everything of this kind that the account can see, as the API shows it to the account. */
    List<?> collect(UUID accountId, UUID sessionId);
}
