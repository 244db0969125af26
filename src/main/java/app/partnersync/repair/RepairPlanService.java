package app.partnersync.repair;

import app.partnersync.cadence.CadenceService;
import app.partnersync.checkin.ReviewSafety;
import app.partnersync.checkin.ReviewedPlans;
import app.partnersync.common.ActionTime;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.SqlValues;
import app.partnersync.common.Versions;
import app.partnersync.partnership.Memberships;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.sync.ChangeLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates, lists and changes repair plans, and decides when a plan suggests professional support. */
@ApplicationScoped
@Transactional
public class RepairPlanService implements ReviewedPlans {

    /** Sync type name of repair plans. */
    public static final String SYNC_TYPE = "repair_plan";

    private static final TypeReference<List<RepairStep>> STEPS = new TypeReference<>() {};

    /** The length of the plan's first period and of its most recent one, whose shared safety is compared. */
    static final Duration PERIOD = Duration.ofDays(28);

    /** Active plans whose support suggestion is due a look: past the threshold, or carrying one already. */
    private static final String WEIGHED = """
            select id, partnership_id, created_at from repair_plan
            where status = 'active' and (created_at <= ?1 or support_since is not null)""";

    private final PartnershipAccess access;
    private final Memberships memberships;
    private final CadenceService cadences;
    private final ReviewSafety reviewSafety;
    private final ChangeLog changes;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final RepairConfig config;
    private final Clock clock;
    private final ActionTime actionTime;

    public RepairPlanService(
            PartnershipAccess access,
            Memberships memberships,
            CadenceService cadences,
            ReviewSafety reviewSafety,
            ChangeLog changes,
            EntityManager entityManager,
            ObjectMapper json,
            RepairConfig config,
            Clock clock,
            ActionTime actionTime) {
        this.access = access;
        this.memberships = memberships;
        this.cadences = cadences;
        this.reviewSafety = reviewSafety;
        this.changes = changes;
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.actionTime = actionTime;
    }

    public RepairPlanView create(UUID accountId, UUID partnershipId, RepairPlanInput input) {
        access.requireWritable(accountId, partnershipId);
        UUID id = input.id() == null ? UUID.randomUUID() : input.id();
        if (RepairPlan.count("id", id) > 0) {
            throw new ProblemException(
                    ProblemType.ID_TAKEN, "A record with this id exists already; choose another id.");
        }
        Instant now = actionTime.now();
        RepairPlan plan = new RepairPlan();
        plan.id = id;
        plan.partnershipId = partnershipId;
        plan.title = input.title();
        plan.why = input.why();
        plan.status = RepairPlan.Status.active;
        plan.steps = write(steps(input.steps(), List.of(), memberships.members(partnershipId), accountId, now));
        plan.createdBy = accountId;
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.persist();
        if (input.review() != null) {
            cadences.setReview(partnershipId, id, input.review().toReview());
        }
        return announce(plan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RepairPlanView get(UUID accountId, UUID partnershipId, UUID planId) {
        access.requireSensitiveReadable(accountId, partnershipId);
        return views(List.of(find(partnershipId, planId, LockModeType.NONE))).get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RepairPlanView> list(UUID accountId, UUID partnershipId, RepairPlan.Status status, PageRequest page) {
        access.requireSensitiveReadable(accountId, partnershipId);
        return Listing.where("partnershipId = :partnership", "partnership", partnershipId)
                .equal("status", "status", status)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> RepairPlan.<RepairPlan>find(q, p),
                        p -> new KeysetCursor(p.createdAt, p.id),
                        this::views);
    }

    public RepairPlanView update(
            UUID accountId, UUID partnershipId, UUID planId, RepairPlanPatch patch, String ifMatch) {
        if (patch.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The patch changes nothing; send a field.");
        }
        access.requireWritable(accountId, partnershipId);
        RepairPlan plan = find(partnershipId, planId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, plan.version, views(List.of(plan)).get(0));
        if (!plan.isActive()) {
            throw new ProblemException(
                    ProblemType.REPAIR_PLAN_FINISHED, "This repair plan is " + plan.status + "; it no longer changes.");
        }
        Instant now = actionTime.now();
        if (patch.title() != null) {
            plan.title = patch.title();
        }
        if (patch.why() != null) {
            plan.why = patch.why();
        }
        if (patch.steps() != null) {
            plan.steps =
                    write(steps(patch.steps(), read(plan.steps), memberships.members(partnershipId), accountId, now));
        }
        if (patch.review() != null) {
            cadences.setReview(partnershipId, planId, patch.review().toReview());
        }
        RepairPlan.Status status = patch.requestedStatus();
        if (status != null && status != RepairPlan.Status.active) {
            plan.status = status;
            plan.endedAt = now;
            plan.setSupport(null);
            // A finished plan has no more reviews: its schedule (and reminders) go.
            cadences.setReview(partnershipId, planId, null);
        }
        plan.updatedAt = now;
        return announce(plan);
    }

    /** Whether {@code planId} is an active plan of the partnership, for linking a repair check-in to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public boolean isActive(UUID partnershipId, UUID planId) {
        return RepairPlan.count(
                        "id = ?1 and partnershipId = ?2 and status = ?3",
                        planId,
                        partnershipId,
                        RepairPlan.Status.active)
                > 0;
    }

    /** Every repair plan of the account's partnerships, for its export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RepairPlanView> all(UUID accountId) {
        return views(RepairPlan.list(
                "partnershipId in (" + Memberships.partnershipsOfAccount("?1") + ")" + " order by createdAt, id",
                accountId));
    }

    /** On account deletion: plans stay with the partner, no longer naming the person as author, owner or ticker. */
    public void erase(UUID accountId) {
        Instant now = clock.instant();
        // By content rather than by membership: the membership row may already be anonymised by another erasure.
        @SuppressWarnings("unchecked")
        List<UUID> touched = entityManager
                .createNativeQuery("select id from repair_plan where created_by = ?1"
                        + " or strpos(steps::text, cast(?2 as text)) > 0")
                .setParameter(1, accountId)
                .setParameter(2, accountId.toString())
                .getResultList();
        for (RepairPlan plan :
                touched.isEmpty() ? List.<RepairPlan>of() : RepairPlan.<RepairPlan>list("id in ?1", touched)) {
            List<RepairStep> steps = read(plan.steps).stream()
                    .map(s -> new RepairStep(
                            s.id(),
                            s.text(),
                            accountId.equals(s.ownerId()) ? null : s.ownerId(),
                            s.done(),
                            s.doneAt(),
                            accountId.equals(s.doneBy()) ? null : s.doneBy()))
                    .toList();
            String rewritten = write(steps);
            if (accountId.equals(plan.createdBy) || !rewritten.equals(write(read(plan.steps)))) {
                plan.createdBy = accountId.equals(plan.createdBy) ? null : plan.createdBy;
                plan.steps = rewritten;
                plan.updatedAt = now;
                announce(plan);
            }
        }
    }

    /**
     * Re-evaluates the professional-support suggestion of every active plan past the threshold (and clears it where
     * it no longer holds); returns how many plans changed. One instance at a time: the others skip the run.
     */
    public int reviewSupport() {
        Boolean claimed = (Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('partnersync.repair.support'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(claimed)) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.supportAfter());
        List<ReviewSafety.Plan> weighed =
                SqlValues.tuples(entityManager
                                .createNativeQuery(WEIGHED, Tuple.class)
                                .setParameter(1, cutoff))
                        .stream()
                        .map(row -> new ReviewSafety.Plan(
                                row.get("id", UUID.class),
                                row.get("partnership_id", UUID.class),
                                SqlValues.instant(row.get("created_at")).plus(PERIOD)))
                        .toList();
        Map<UUID, ReviewSafety.Averages> safety = reviewSafety.of(weighed, now.minus(PERIOD));
        int changed = 0;
        for (ReviewSafety.Plan weighedPlan : weighed) {
            RepairPlan plan = RepairPlan.findById(weighedPlan.id(), LockModeType.PESSIMISTIC_WRITE);
            if (plan == null || !plan.isActive()) {
                continue;
            }
            ReviewSafety.Averages averages = safety.get(weighedPlan.id());
            ProfessionalSupportRule.Verdict verdict = ProfessionalSupportRule.review(
                    plan.createdAt,
                    plan.support(),
                    averages == null ? null : averages.first(),
                    averages == null ? null : averages.recent(),
                    now,
                    config.supportAfter());
            if (verdict instanceof ProfessionalSupportRule.Unchanged) {
                continue;
            }
            plan.setSupport(
                    verdict instanceof ProfessionalSupportRule.Suggested suggested ? suggested.support() : null);
            announce(plan);
            changed++;
        }
        return changed;
    }

    /** Views of plans with their reviews, two queries for any number of plans. */
    List<RepairPlanView> views(List<RepairPlan> plans) {
        // The professional-support suggestion is for the members only, never for integrations.
        return views(plans, !access.byIntegration());
    }

    /** Views for members, or (webhooks, integration tokens) without the professional-support suggestion. */
    List<RepairPlanView> views(List<RepairPlan> plans, boolean members) {
        Map<UUID, CadenceService.Review> reviews =
                cadences.reviews(plans.stream().map(p -> p.id).toList());
        return plans.stream()
                .map(p -> RepairPlanView.of(p, read(p.steps), RepairReviewJson.of(reviews.get(p.id)), members))
                .toList();
    }

    private RepairPlanView announce(RepairPlan plan) {
        RepairPlan.flush();
        changes.upserted(SYNC_TYPE, plan.id, plan.version, ChangeLog.Scope.partnership(plan.partnershipId));
        return views(List.of(plan)).get(0);
    }

    private RepairPlan find(UUID partnershipId, UUID planId, LockModeType lock) {
        return RepairPlan.<RepairPlan>find("id = ?1 and partnershipId = ?2", planId, partnershipId)
                .withLock(lock)
                .<RepairPlan>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The repair plan"));
    }

    /** The new list of steps: a known id keeps its step's done time; ticking records who and when. */
    private static List<RepairStep> steps(
            List<RepairStepInput> input, List<RepairStep> before, Set<UUID> members, UUID caller, Instant now) {
        if (input == null) {
            return List.of();
        }
        Map<UUID, RepairStep> known = before.stream().collect(Collectors.toMap(RepairStep::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        List<RepairStep> steps = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            RepairStepInput step = input.get(i);
            if (step.ownerId() != null && !members.contains(step.ownerId())) {
                throw ProblemException.invalidField(
                        "steps[" + i + "].ownerId", "must be a current member of the partnership");
            }
            UUID id = step.id() == null ? UUID.randomUUID() : step.id();
            if (!seen.add(id)) {
                throw ProblemException.invalidField("steps[" + i + "].id", "the same step is listed twice");
            }
            RepairStep earlier = known.get(id);
            boolean done = Boolean.TRUE.equals(step.done());
            boolean wasDone = earlier != null && earlier.done();
            steps.add(new RepairStep(
                    id,
                    step.text(),
                    step.ownerId(),
                    done,
                    done ? (wasDone ? earlier.doneAt() : now) : null,
                    done ? (wasDone ? earlier.doneBy() : caller) : null));
        }
        return steps;
    }

    private List<RepairStep> read(String steps) {
        try {
            return json.readValue(steps, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable repair plan steps", e);
        }
    }

    private String write(List<RepairStep> steps) {
        try {
            return json.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("repair plan steps not writable", e);
        }
    }
}
