package app.partnersync.partnership;

import app.partnersync.sync.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Membership in queries, written once: which partnerships an account is in, and who is in a partnership. Every
 * package that scopes a query by membership takes it from here (decision 013), and {@code sync/} asks it as its
 * {@link Audience}.
 */
@ApplicationScoped
public class Memberships implements Audience {

    private static final String MEMBER_ACCOUNTS =
            "select account_id from partnership_member where partnership_id = ? and account_id is not null";

    private static final String PROFILES = """
            select a.id as account_id, a.display_name, a.time_zone
            from partnership_member m join account a on a.id = m.account_id
            where m.partnership_id = ?1 order by m.joined_at, m.id""";

    /**
     * Native SQL selecting {@code account_id} and {@code time_zone} of every member of the partnership bound as
     * {@code ?1} who has an account: for joins that count by week in each member's own zone.
     */
    public static final String MEMBER_ZONES = """
            select a.id as account_id, a.time_zone
            from partnership_member m join account a on a.id = m.account_id
            where m.partnership_id = ?1""";

    private final EntityManager entityManager;

    public Memberships(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * JPQL selecting the ids of the partnerships of the account bound as {@code account} (e.g. {@code ?1} or {@code
     * :account}), for {@code partnershipId in (...)}.
     */
    public static String partnershipsOfAccount(String account) {
        return "select m.partnershipId from PartnershipMember m where m.accountId = " + account;
    }

    /** The accounts of the partnership's members, in this transaction; a former member has none. */
    public Set<UUID> members(UUID partnershipId) {
        return new HashSet<>(entityManager
                .createQuery(
                        "select m.accountId from PartnershipMember m where m.partnershipId = ?1"
                                + " and m.accountId is not null",
                        UUID.class)
                .setParameter(1, partnershipId)
                .getResultList());
    }

    /** A member as insights show them: who, named how, living in which zone. */
    public record Profile(UUID accountId, String displayName, ZoneId timeZone) {}

    /** The members with an account, in the order they joined. */
    public List<Profile> profiles(UUID partnershipId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery(PROFILES, Tuple.class)
                .setParameter(1, partnershipId)
                .getResultList();
        return rows.stream()
                .map(row -> new Profile(
                        row.get("account_id", UUID.class),
                        row.get("display_name", String.class),
                        ZoneId.of(row.get("time_zone", String.class))))
                .toList();
    }

    @Override
    public Set<UUID> members(Connection connection, UUID partnershipId) throws SQLException {
        Set<UUID> members = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(MEMBER_ACCOUNTS)) {
            query.setObject(1, partnershipId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return members;
    }

    @Override
    public String partnershipsOf(String account) {
        return "select partnership_id from partnership_member where account_id = " + account;
    }
}
