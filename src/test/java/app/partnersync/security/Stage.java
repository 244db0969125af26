package app.partnersync.security;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where the access matrix calls one operation: a fresh partnership of two members (for an operation under
 * {@code /v1/partnerships/{partnershipId}}), or only the owner's account, and the records the operation's recipe needs
 * in it. A record that a call uses up (one deleted, closed, confirmed) is made anew for each call; the others once.
 */
final class Stage {

    /** A fixed far due time: the fixture's occurrence date is known without asking. */
    static final String DUE_AT = "2030-06-01T12:00:00Z";

    static final String DUE_DATE = DUE_AT.substring(0, 10);

    /** Webhook fixtures point here and stay paused or subscribe to nothing the stage does: nothing is ever sent. */
    static final String UNREACHABLE = "http://127.0.0.1:9/matrix";

    private final AccessMatrix.Seat seat;
    private final UUID partnershipId;
    private final Map<String, String> made = new HashMap<>();

    private Stage(AccessMatrix.Seat seat, UUID partnershipId) {
        this.seat = seat;
        this.partnershipId = partnershipId;
    }

    /** A stage with a fresh active partnership of the seat's owner and partner. */
    static Stage withPartnership(AccessMatrix.Seat seat) {
        return new Stage(seat, Pairs.pair(seat.owner(), seat.partner(), "partner"));
    }

    /** A stage for an operation outside any partnership: the seat's owner calls it. */
    static Stage ofAccount(AccessMatrix.Seat seat) {
        return new Stage(seat, null);
    }

    UUID partnershipId() {
        return partnershipId;
    }

    SignedIn owner() {
        return seat.owner();
    }

    SignedIn partner() {
        return seat.partner();
    }

    /** The member of this stage's partnership who is not {@code member}. */
    SignedIn otherThan(SignedIn member) {
        return member.accountId().equals(owner().accountId()) ? partner() : owner();
    }

    /** The owner's other partnership, which stays active through the whole matrix. */
    UUID standing() {
        return seat.standing();
    }

    private String once(String what, Supplier<String> make) {
        return made.computeIfAbsent(what, key -> make.get());
    }

    // --- partnership records ---

    /** The stage's commitment, promised by both members, due once at {@link #DUE_AT}. */
    String commitment() {
        return once("commitment", this::newCommitment);
    }

    String newCommitment() {
        return created(
                "/v1/partnerships/{id}/commitments",
                Map.of(
                        "title",
                        "Matrix fixture",
                        "promisedBy",
                        List.of(owner().accountId(), partner().accountId()),
                        "dueAt",
                        DUE_AT));
    }

    /** {@code promiser} records an outcome of their occurrence of {@code commitment} on {@link #DUE_DATE}. */
    void recordOutcome(SignedIn promiser, String commitment, String outcome) {
        Api.as(promiser)
                .body(Map.of("outcome", outcome))
                .when()
                .post(
                        "/v1/partnerships/{id}/commitments/{c}/occurrences/{d}/outcome",
                        partnershipId,
                        commitment,
                        DUE_DATE)
                .then()
                .statusCode(200);
    }

    /** A one-off commitment of {@code promiser} that fell due a moment ago, and its occurrence's due date. */
    record JustDue(String commitment, String dueDate) {}

    /**
     * A one-off of {@code promiser} due a second ago, made (by its {@code Occurred-At}) two seconds ago, before it was
     * due: its occurrence is past its due time at once, without moving the service's clock.
     */
    JustDue justDue(SignedIn promiser) {
        Instant now = Instant.now();
        Instant due = now.minusSeconds(1);
        String commitment = Api.as(owner())
                .header("Occurred-At", now.minusSeconds(2).toString())
                .body(Map.of(
                        "title",
                        "Matrix revision",
                        "promisedBy",
                        List.of(promiser.accountId()),
                        "dueAt",
                        due.toString()))
                .when()
                .post("/v1/partnerships/{id}/commitments", partnershipId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new JustDue(commitment, due.toString().substring(0, 10));
    }

    /** {@code promiser} records {@code outcome} for their occurrence of {@code commitment} on {@code dueDate}. */
    void recordOutcome(SignedIn promiser, String commitment, String dueDate, String outcome) {
        Api.as(promiser)
                .body(Map.of("outcome", outcome))
                .when()
                .post(
                        "/v1/partnerships/{id}/commitments/{c}/occurrences/{d}/outcome",
                        partnershipId,
                        commitment,
                        dueDate)
                .then()
                .statusCode(200);
    }

    /** The stage's open ad hoc check-in. */
    String checkIn() {
        return once("checkIn", this::newCheckIn);
    }

    String newCheckIn() {
        return created("/v1/partnerships/{id}/check-ins", Map.of("kind", "ad_hoc"));
    }

    /** A repair plan without steps. */
    String repairPlan() {
        return once("repairPlan", () -> created("/v1/partnerships/{id}/repair-plans", Map.of("title", "Matrix")));
    }

    /** An appreciation. */
    String moment() {
        return once(
                "moment",
                () -> created(
                        "/v1/partnerships/{id}/moments", Map.of("kind", "appreciation", "message", "Matrix fixture")));
    }

    /** A paused webhook with one delivery in its log (of a partnership rename). */
    String webhook() {
        return once("webhook", () -> {
            String webhook = created(
                    "/v1/partnerships/{id}/webhooks", Map.of("url", UNREACHABLE, "events", List.of("partnership.*")));
            Api.as(owner())
                    .body(Map.of("active", false))
                    .when()
                    .patch("/v1/partnerships/{id}/webhooks/{w}", partnershipId, webhook)
                    .then()
                    .statusCode(200);
            Api.as(owner())
                    .body(Map.of("displayName", "Matrix"))
                    .when()
                    .patch("/v1/partnerships/{id}", partnershipId)
                    .then()
                    .statusCode(200);
            return webhook;
        });
    }

    /** The delivery in the log of {@link #webhook()}. */
    String delivery() {
        String webhook = webhook();
        return once(
                "delivery",
                () -> Api.as(owner())
                        .when()
                        .get("/v1/partnerships/{id}/webhooks/{w}/deliveries", partnershipId, webhook)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].id"));
    }

    /** A webhook for an event this stage never causes, so that it never delivers. */
    String newWebhook() {
        return created(
                "/v1/partnerships/{id}/webhooks", Map.of("url", UNREACHABLE, "events", List.of("moment.updated")));
    }

    /** Every member lets integrations read check-ins and repair plans (what {@code checkins:read} also needs). */
    void consentOfBoth() {
        for (SignedIn member : List.of(owner(), partner())) {
            Api.as(member)
                    .body(Map.of("allowed", true))
                    .when()
                    .put("/v1/partnerships/{id}/integration-consent", partnershipId)
                    .then()
                    .statusCode(200);
        }
    }

    private String created(String collection, Map<String, Object> body) {
        return Api.as(owner())
                .body(body)
                .when()
                .post(collection, partnershipId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // --- account records ---

    /** A fresh account, for operations that change or end the account that calls them. */
    static SignedIn freshAccount() {
        return Accounts.signedIn();
    }

    /** A fresh active partnership of {@code member} with a fresh account. */
    static UUID freshPartnershipOf(SignedIn member) {
        return Pairs.pair(member, freshAccount(), "friend");
    }

    /** Another session of the owner, as from another device. */
    SignedIn newSession() {
        return Accounts.login(owner(), "Matrix device");
    }

    /** The id of the session an access token belongs to. */
    static String sessionIdOf(SignedIn session) {
        String payload = new String(
                Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sid");
    }

    /** The id of a fresh integration token of {@code owner}. */
    static String newTokenId(SignedIn owner) {
        return Api.as(owner)
                .body(Map.of(
                        "name",
                        "Matrix",
                        "scopes",
                        List.of("profile:read"),
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(30)).toString()))
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
