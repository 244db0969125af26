package app.partnersync.security;

import static java.util.Map.entry;

import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the access matrix builds a valid request of one operation: the path parameters other than the partnership, a
 * body when the contract's first example will not do, the caller when the call must not end the matrix's own
 * sign-in. Every contract operation has one in {@link #BY_OPERATION}, keyed by operationId; the matrix fails naming
 * any operation without one, and any recipe of an operation the contract lacks.
 */
@FunctionalInterface
interface Recipe {

    void fill(Call call);

    /** The contract's example as it stands (and the stage's partnership, when the path has one). */
    Recipe AS_DOCUMENTED = call -> {};

    /** The example, with {@code parameter} naming the stage's record that {@code fixture} makes. */
    static Recipe with(String parameter, Function<Stage, String> fixture) {
        return call -> call.path(parameter, fixture.apply(call.stage()));
    }

    /** The occurrence on {@link Stage#DUE_DATE} of a fresh commitment, whose outcome {@code promiser} recorded. */
    static void freshOccurrence(Call call, SignedIn promiser, String outcome) {
        String commitment = call.stage().newCommitment();
        call.stage().recordOutcome(promiser, commitment, outcome);
        call.path("commitmentId", commitment).path("dueDate", Stage.DUE_DATE);
    }

    Map<String, Recipe> BY_OPERATION = Map.ofEntries(
            // auth: public
            entry("register", call -> call.bodyWith("email", "matrix-" + UUID.randomUUID() + "@example.test")),
            entry(
                    "login",
                    call -> call.body(Map.of(
                            "email",
                            call.caller().email(),
                            "password",
                            call.caller().password(),
                            "deviceName",
                            "Matrix"))),
            entry(
                    "refresh",
                    call -> call.body(
                            Map.of("refreshToken", call.stage().newSession().refreshToken()))),
            // auth and account: each call that ends a session or an account gets its own
            entry("logout", call -> call.caller(call.stage().newSession())),
            entry("getMe", AS_DOCUMENTED),
            entry("updateMe", AS_DOCUMENTED),
            entry("deleteMe", call -> {
                SignedIn leaving = Stage.freshAccount();
                call.caller(leaving).body(Map.of("password", leaving.password()));
            }),
            entry("exportMe", AS_DOCUMENTED),
            entry("changePassword", call -> {
                SignedIn changing = Stage.freshAccount();
                call.caller(changing).bodyWith("currentPassword", changing.password());
            }),
            entry("listSessions", AS_DOCUMENTED),
            entry(
                    "revokeSession",
                    call -> call.path(
                            "sessionId", Stage.sessionIdOf(call.stage().newSession()))),
            entry("revokeOtherSessions", call -> call.caller(Stage.freshAccount())),
            entry(
                    "createIntegrationToken",
                    call -> call.bodyWith("partnershipId", call.stage().standing())),
            entry("listIntegrationTokens", AS_DOCUMENTED),
            entry("revokeIntegrationToken", call -> call.path("tokenId", Stage.newTokenId(call.caller()))),
            // invitations
            entry("createInvitation", AS_DOCUMENTED),
            entry("listInvitations", AS_DOCUMENTED),
            entry(
                    "previewInvitation",
                    call -> call.path("invitationKey", Pairs.invite(Stage.freshAccount(), "friend"))),
            entry("withdrawInvitation", call -> call.path("invitationKey", Pairs.invite(call.caller(), "friend"))),
            entry("acceptInvitation", call -> call.path("invitationKey", Pairs.invite(Stage.freshAccount(), "friend"))),
            // partnerships
            entry("listPartnerships", AS_DOCUMENTED),
            entry("getPartnership", AS_DOCUMENTED),
            entry("updatePartnership", AS_DOCUMENTED),
            // Each call ends the partnership it names, so each gets its own (the matrix ends it before the last).
            entry("endPartnership", call -> call.path("partnershipId", Stage.freshPartnershipOf(call.caller()))),
            entry("putIntegrationConsent", AS_DOCUMENTED),
            // commitments and occurrences
            entry("listCommitments", AS_DOCUMENTED),
            entry(
                    "createCommitment",
                    call -> call.freshId()
                            .bodyWith("promisedBy", List.of(call.caller().accountId()))),
            entry("getCommitment", with("commitmentId", Stage::commitment)),
            entry("updateCommitment", with("commitmentId", Stage::commitment)),
            entry("deleteCommitment", with("commitmentId", Stage::newCommitment)),
            entry("listOccurrences", with("commitmentId", Stage::commitment)),
            entry(
                    "recordOutcome",
                    call -> call.path("commitmentId", call.stage().commitment()).path("dueDate", Stage.DUE_DATE)),
            // A confirmation is final and only of the partner's kept outcome: a fresh one for each call.
            entry("confirmOutcome", call -> freshOccurrence(call, call.stage().otherThan(call.caller()), "kept")),
            entry("acknowledgeMiss", call -> freshOccurrence(call, call.caller(), "missed")),
            // An answer uses the revision up: the partner's miss, turned into kept after its due time, for each call.
            entry("answerRevision", call -> {
                SignedIn promiser = call.stage().otherThan(call.caller());
                Stage.JustDue due = call.stage().justDue(promiser);
                call.stage().recordOutcome(promiser, due.commitment(), due.dueDate(), "missed");
                call.stage().recordOutcome(promiser, due.commitment(), due.dueDate(), "kept");
                call.path("commitmentId", due.commitment()).path("dueDate", due.dueDate());
            }),
            entry("getFollowThrough", AS_DOCUMENTED),
            entry("getGoals", AS_DOCUMENTED),
            entry("getOverview", AS_DOCUMENTED),
            entry("listMilestones", AS_DOCUMENTED),
            // check-ins and cadence
            entry("listCheckIns", AS_DOCUMENTED),
            // A scheduled start must be one of the cadence's; an ad hoc check-in needs none.
            entry(
                    "startCheckIn",
                    call -> call.body(Map.of("id", UUID.randomUUID().toString(), "kind", "ad_hoc"))),
            entry("getCheckIn", with("checkInId", Stage::checkIn)),
            entry("closeCheckIn", with("checkInId", Stage::newCheckIn)),
            entry("putMyEntry", with("checkInId", Stage::checkIn)),
            entry("getCadence", AS_DOCUMENTED),
            entry("putCadence", AS_DOCUMENTED),
            entry("listUpcomingCheckIns", AS_DOCUMENTED),
            // repair plans and moments
            entry("listRepairPlans", AS_DOCUMENTED),
            entry("createRepairPlan", AS_DOCUMENTED),
            entry("getRepairPlan", with("repairPlanId", Stage::repairPlan)),
            entry("updateRepairPlan", with("repairPlanId", Stage::repairPlan)),
            entry("listMoments", AS_DOCUMENTED),
            entry("createMoment", Call::freshId),
            entry("getMoment", with("momentId", Stage::moment)),
            // webhooks: never one that is active and subscribed to what the stage does, so nothing is sent
            entry("listWebhooks", AS_DOCUMENTED),
            entry("createWebhook", call -> call.bodyWith("url", Stage.UNREACHABLE)),
            entry("getWebhook", with("webhookId", Stage::webhook)),
            entry(
                    "updateWebhook",
                    call -> call.path("webhookId", call.stage().webhook()).body(Map.of("active", false))),
            entry("deleteWebhook", with("webhookId", Stage::newWebhook)),
            entry("rotateWebhookSecret", with("webhookId", Stage::webhook)),
            entry("listWebhookDeliveries", with("webhookId", Stage::webhook)),
            entry(
                    "redeliverWebhookDelivery",
                    call -> call.path("webhookId", call.stage().webhook())
                            .path("deliveryId", call.stage().delivery())),
            // sync and events
            entry("pullChanges", AS_DOCUMENTED),
            entry(
                    "pushChanges",
                    call -> call.body(Map.of(
                            "mutations",
                            List.of(Map.of(
                                    "mutationId",
                                    UUID.randomUUID().toString(),
                                    "type",
                                    "partnership",
                                    "id",
                                    call.stage().standing().toString(),
                                    "op",
                                    "upsert",
                                    "data",
                                    Map.of("displayName", "Us two")))))),
            entry("streamEvents", Call::stream),
            entry("createStreamTicket", AS_DOCUMENTED));
}
