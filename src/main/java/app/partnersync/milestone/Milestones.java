package app.partnersync.milestone;

import app.partnersync.commitment.FollowThrough;
import app.partnersync.commitment.FollowThroughService;
import app.partnersync.commitment.GoalProgress;
import app.partnersync.commitment.Goals;
import app.partnersync.commitment.OutcomeFollowUp;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.Announcements;
import app.partnersync.sync.ChangeLog;
import app.partnersync.sync.PartnershipEvent;
import app.partnersync.sync.Recipients;
import app.partnersync.sync.ReminderSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decides milestones after every change of outcomes, each exactly once: a goal met in its window, a member's 30-day
 * follow-through reaching 90% over at least 10 decided occurrences, a member's streak reaching 7, 30 or 100. The
 * milestone's unique claim decides between instances, retried requests and the miss sweep (insert ... on conflict do
 * nothing): the one insert that wins syncs it to both members and tells webhooks ({@code milestone.reached}).
 */
@ApplicationScoped
@Transactional
public class Milestones implements OutcomeFollowUp, ReminderSource {

    /** Sync type name of milestones. */
    public static final String SYNC_TYPE = "milestone";

    /** The event webhooks and live streams hear a new milestone by. */
    static final String REACHED = "milestone.reached";

    /** The follow-through rate celebrated, in percent, and the decided occurrences it needs in 30 days. */
    static final int RATE_PERCENT = 90;

    static final int RATE_MIN_DECIDED = 10;

    /** The streak lengths celebrated. */
    static final List<Integer> STREAKS = List.of(7, 30, 100);

    private static final String CLAIM = """
            insert into milestone (id, partnership_id, kind, member_id, commitment_id, threshold, window_start,
                                   window_end, claim, reached_at, version)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)
            on conflict (partnership_id, claim) do nothing""";

    private final PartnershipAccess access;
    private final Memberships memberships;
    private final FollowThroughService followThrough;
    private final Goals goals;
    private final ChangeLog changes;
    private final Announcements announcements;
    private final EntityManager entityManager;
    private final Clock clock;

    public Milestones(
            PartnershipAccess access,
            Memberships memberships,
            FollowThroughService followThrough,
            Goals goals,
            ChangeLog changes,
            Announcements announcements,
            EntityManager entityManager,
            Clock clock) {
        this.access = access;
        this.memberships = memberships;
        this.followThrough = followThrough;
        this.goals = goals;
        this.changes = changes;
        this.announcements = announcements;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Override
    public String reminderType() {
        return REACHED;
    }

    @Override
    public void afterOutcome(UUID partnershipId, UUID memberId) {
        Instant now = clock.instant();
        for (Goals.Achieved goal : goals.achieved(partnershipId)) {
            GoalProgress met = goal.progress();
            claim(
                    new MilestoneView(
                            UUID.randomUUID(),
                            partnershipId,
                            Milestone.Kind.goal_met,
                            null,
                            goal.commitmentId(),
                            met.target(),
                            met.windowStart(),
                            met.windowEnd(),
                            now,
                            0),
                    "goal_met:" + goal.commitmentId() + ":" + met.windowStart());
        }
        // A former member (deleted, or left) has no record to celebrate any more.
        if (memberId == null || !memberships.members(partnershipId).contains(memberId)) {
            return;
        }
        FollowThrough.Member month =
                of(followThrough.compute(memberId, partnershipId, FollowThrough.Window.days30), memberId);
        if (month != null
                && month.kept() + month.missed() >= RATE_MIN_DECIDED
                && month.rate() != null
                && month.rate() * 100 >= RATE_PERCENT) {
            claim(member(partnershipId, Milestone.Kind.follow_through, memberId, RATE_PERCENT, now), null);
        }
        // Streaks longer than the longest celebrated one fit in a year of daily promises.
        FollowThrough.Member year =
                of(followThrough.compute(memberId, partnershipId, FollowThrough.Window.days365), memberId);
        if (year != null) {
            for (int length : STREAKS) {
                if (year.currentStreak() >= length) {
                    claim(member(partnershipId, Milestone.Kind.streak, memberId, length, now), null);
                }
            }
        }
    }

    private static FollowThrough.Member of(FollowThrough record, UUID memberId) {
        return record.members().stream()
                .filter(m -> memberId.equals(m.accountId()))
                .findFirst()
                .orElse(null);
    }

    private static MilestoneView member(
            UUID partnershipId, Milestone.Kind kind, UUID memberId, int threshold, Instant now) {
        return new MilestoneView(UUID.randomUUID(), partnershipId, kind, memberId, null, threshold, null, null, now, 0);
    }

    /**
     * Inserts the milestone unless its claim exists (a member's kind and threshold, or a goal's window): only the
     * insert that wins announces it.
     */
    private void claim(MilestoneView milestone, String goalClaim) {
        String claim = goalClaim != null
                ? goalClaim
                : milestone.kind() + ":" + milestone.threshold() + ":" + milestone.memberId();
        int inserted = entityManager
                .createNativeQuery(CLAIM)
                .setParameter(1, milestone.id())
                .setParameter(2, milestone.partnershipId())
                .setParameter(3, milestone.kind().name())
                .setParameter(4, milestone.memberId())
                .setParameter(5, milestone.commitmentId())
                .setParameter(6, milestone.threshold())
                .setParameter(7, milestone.windowStart())
                .setParameter(8, milestone.windowEnd())
                .setParameter(9, claim)
                .setParameter(10, milestone.reachedAt())
                .executeUpdate();
        if (inserted == 1) {
            changes.upserted(SYNC_TYPE, milestone.id(), 0, ChangeLog.Scope.partnership(milestone.partnershipId()));
            announcements.announce(new PartnershipEvent.Reminder(
                    milestone.partnershipId(), REACHED, milestone.reachedAt(), Recipients.members(), milestone));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MilestoneView> list(UUID accountId, UUID partnershipId, Milestone.Kind kind, PageRequest page) {
        access.requireMember(accountId, partnershipId);
        return Listing.where("partnershipId = :partnership", "partnership", partnershipId)
                .equal("kind", "kind", kind)
                .page(
                        page,
                        "reachedAt",
                        "id",
                        (q, p) -> Milestone.<Milestone>find(q, p),
                        m -> new KeysetCursor(m.reachedAt, m.id),
                        shown -> shown.stream().map(MilestoneView::of).toList());
    }

    /** Every milestone of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MilestoneView> all(UUID accountId) {
        return Milestone.<Milestone>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ") order by reachedAt, id",
                        accountId)
                .stream()
                .map(MilestoneView::of)
                .toList();
    }

    /**
     * The partner keeps the milestones as shared history, no longer naming the deleted member; their claims are
     * released from the member (nobody can reach them again under that id).
     */
    public void erase(UUID accountId) {
        for (Milestone milestone : Milestone.<Milestone>list("memberId", accountId)) {
            milestone.memberId = null;
            milestone.claim = "erased:" + milestone.id;
            Milestone.flush();
            changes.upserted(
                    SYNC_TYPE, milestone.id, milestone.version, ChangeLog.Scope.partnership(milestone.partnershipId));
        }
    }
}
