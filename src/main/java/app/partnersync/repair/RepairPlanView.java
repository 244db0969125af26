package app.partnersync.repair;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A repair plan as its members see it (the contract's {@code RepairPlan}). The professional-support suggestion is
 * for the members only: an integration's view leaves both {@link #suggestProfessionalSupport} and
 * {@link #professionalSupport} out.
 */
public record RepairPlanView(
        UUID id,
        UUID partnershipId,
        String title,
        String why,
        RepairPlan.Status status,
        List<RepairStep> steps,
        RepairReviewJson review,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt,
        Boolean suggestProfessionalSupport,
        ProfessionalSupport professionalSupport,
        long version) {

    /** Why the plan suggests professional support (the contract's {@code ProfessionalSupport}). */
    public record ProfessionalSupport(
            String reason, Instant since, int activeDays, BigDecimal safetyAtStart, BigDecimal safetyRecent) {}

    static RepairPlanView of(RepairPlan plan, List<RepairStep> steps, RepairReviewJson review, boolean forMembers) {
        ProfessionalSupport support = forMembers && plan.isActive() ? plan.support() : null;
        return new RepairPlanView(
                plan.id,
                plan.partnershipId,
                plan.title,
                plan.why,
                plan.status,
                steps,
                review,
                plan.createdBy,
                plan.createdAt,
                plan.updatedAt,
                plan.endedAt,
                forMembers ? support != null : null,
                support,
                plan.version);
    }
}
