package app.partnersync.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * Who belongs to a partnership. Membership is {@code partnership/}'s (it implements this); the feed and the live
 * streams ask it here, so that sync serves every partnership record without knowing how membership is stored.
 */
public interface Audience {

    /** The accounts of the partnership's members, read on {@code connection} (the listener's: no transaction). */
    Set<UUID> members(Connection connection, UUID partnershipId) throws SQLException;

    /**
     * Native SQL selecting one column, {@code partnership_id}: every partnership of the account bound as {@code
     * account} (a parameter such as {@code ?3}).
     */
    String partnershipsOf(String account);
}
