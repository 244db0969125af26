package app.partnersync.moment;

import app.partnersync.common.ActionTime;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records and lists moments; a running-late notice may renegotiate the author's occurrence in the same stroke. */
@ApplicationScoped
@Transactional
public class MomentService {

    /** Sync type name of moments. */
    public static final String SYNC_TYPE = "moment";

    private final PartnershipAccess access;
    private final RunningLate runningLate;
    private final ChangeLog changes;
    private final Clock clock;
    private final ActionTime actionTime;

    public MomentService(
            PartnershipAccess access, RunningLate runningLate, ChangeLog changes, Clock clock, ActionTime actionTime) {
        this.access = access;
        this.runningLate = runningLate;
        this.changes = changes;
        this.clock = clock;
        this.actionTime = actionTime;
    }

    public MomentView create(UUID accountId, UUID partnershipId, CreateMomentRequest request) {
        access.requireWritable(accountId, partnershipId);
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        if (Moment.count("id", id) > 0) {
            throw new ProblemException(
                    ProblemType.ID_TAKEN, "A record with this id exists already; choose another id.");
        }
        MomentRules.checkFields(request);
        Instant now = actionTime.now();
        Moment moment = new Moment();
        moment.id = id;
        moment.partnershipId = partnershipId;
        moment.kind = request.kind();
        moment.authorId = accountId;
        moment.message = request.message();
        moment.createdAt = now;
        moment.receivedAt = actionTime.received();
        if (request.kind() == Moment.Kind.running_late) {
            moment.arrivalAt = request.arrivalAt();
            if (request.occurrence() != null) {
                // Saying so before the due time is renegotiating, not missing ("texting when running late").
                runningLate.renegotiate(
                        accountId,
                        partnershipId,
                        request.occurrence().commitmentId(),
                        request.occurrence().dueDate(),
                        MomentRules.renegotiationReason(request.message()),
                        request.arrivalAt());
                moment.commitmentId = request.occurrence().commitmentId();
                moment.dueDate = request.occurrence().dueDate();
            }
        } else if (request.kind() == Moment.Kind.cool_off) {
            moment.endsAt = MomentRules.coolOffEnds(now, request.minutes());
        }
        moment.persist();
        Moment.flush();
        changes.upserted(SYNC_TYPE, moment.id, moment.version, ChangeLog.Scope.partnership(partnershipId));
        return MomentView.of(moment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MomentView get(UUID accountId, UUID partnershipId, UUID momentId) {
        access.requireMember(accountId, partnershipId);
        return Moment.<Moment>find("id = ?1 and partnershipId = ?2", momentId, partnershipId)
                .<Moment>firstResultOptional()
                .map(MomentView::of)
                .orElseThrow(() -> ProblemException.notFound("The moment"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MomentView> list(UUID accountId, UUID partnershipId, Moment.Kind kind, PageRequest page) {
        access.requireMember(accountId, partnershipId);
        return Listing.where("partnershipId = :partnership", "partnership", partnershipId)
                .equal("kind", "kind", kind)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> Moment.<Moment>find(q, p),
                        m -> new KeysetCursor(m.createdAt, m.id),
                        shown -> shown.stream().map(MomentView::of).toList());
    }

    /** Every moment of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MomentView> all(UUID accountId) {
        return Moment.<Moment>list(
                        "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ") order by createdAt, id",
                        accountId)
                .stream()
                .map(MomentView::of)
                .toList();
    }

    /** Moments stay with the partner as shared history, no longer linked to the deleted author. */
    public void erase(UUID accountId) {
        for (Moment moment : Moment.<Moment>list("authorId", accountId)) {
            moment.authorId = null;
            Moment.flush();
            changes.upserted(SYNC_TYPE, moment.id, moment.version, ChangeLog.Scope.partnership(moment.partnershipId));
        }
    }
}
